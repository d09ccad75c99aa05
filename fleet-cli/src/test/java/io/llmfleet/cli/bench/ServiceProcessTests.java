package io.llmfleet.cli.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTests {

	@Test
	void executableJarRunsTheServiceThroughPropertiesLauncher() {
		List<String> command = ServiceProcess.command("/usr/bin/java", "fleet-exec.jar", true,
				"io.llmfleet.classifier.ClassifierApplication", List.of("-Xmx256m"), List.of("--a=b"));
		assertThat(command).containsExactly("/usr/bin/java", "-Xmx256m", "-cp", "fleet-exec.jar",
				"-Dloader.main=io.llmfleet.classifier.ClassifierApplication",
				"org.springframework.boot.loader.launch.PropertiesLauncher", "--a=b");
	}

	@Test
	void plainClassPathRunsTheServiceDirectly() {
		List<String> command = ServiceProcess.command("java", "a.jar:classes", false, "x.Main", List.of(),
				List.of("--a=b"));
		assertThat(command).containsExactly("java", "-cp", "a.jar:classes", "x.Main", "--a=b");
	}

	@Test
	void onlyASingleJarWithBootInfIsAnExecutableJar(@TempDir Path dir) throws IOException {
		Path boot = jar(dir.resolve("boot.jar"), "BOOT-INF/classes/");
		Path plain = jar(dir.resolve("plain.jar"), "io/");
		assertThat(ServiceProcess.isBootJar(boot.toString())).isTrue();
		assertThat(ServiceProcess.isBootJar(plain.toString())).isFalse();
		assertThat(ServiceProcess.isBootJar(boot + java.io.File.pathSeparator + plain)).isFalse();
		assertThat(ServiceProcess.isBootJar(dir.toString())).isFalse();
		assertThat(ServiceProcess.isBootJar(null)).isFalse();
	}

	private static Path jar(Path file, String entry) throws IOException {
		try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
			jar.putNextEntry(new ZipEntry(entry));
			jar.closeEntry();
		}
		return file;
	}

}
