package io.llmfleet.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The four service images are built the same way: each Dockerfile puts Spring Boot's jar
 * layers, least changed first, on a Temurin 17 JRE, runs as a non-root user and checks
 * actuator health on its management port; {@code docker/build-images.sh} extracts the
 * layers those Dockerfiles copy. The script runs here with {@code --dry-run}: no Docker
 * engine is needed.
 */
class DockerImageTests {

	private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
			"application");

	@Test
	void everyImageServiceIsAModuleWithADockerfileAndARunnableJar() {
		assertThat(RepositoryFiles.imageServices()).containsExactly("classifier-service", "dispatcher-service",
				"worker-ollama", "worker-vllm");
		for (String service : RepositoryFiles.imageServices()) {
			assertThat(RepositoryFiles.path(service + "/Dockerfile")).isRegularFile();
			assertThat(RepositoryFiles.read(RepositoryFiles.path(service + "/pom.xml"))).as("pom of %s", service)
				.contains("<artifactId>spring-boot-maven-plugin</artifactId>")
				.contains("<classifier>exec</classifier>");
		}
	}

	@Test
	void dockerfilesCopyTheLayersLeastChangedFirstOntoATemurin17Jre() {
		for (String service : RepositoryFiles.imageServices()) {
			List<String[]> instructions = instructions(service);
			assertThat(argumentsOf(instructions, "FROM")).singleElement()
				.asString()
				.startsWith("eclipse-temurin:17-jre");
			assertThat(argumentsOf(instructions, "COPY")).as("COPY of %s", service)
				.containsExactlyElementsOf(LAYERS.stream().map((layer) -> "target/docker/" + layer + "/ ./").toList());
			assertThat(argumentsOf(instructions, "ENTRYPOINT")).singleElement()
				.isEqualTo("[\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]");
		}
	}

	@Test
	void imagesRunAsANonRootUser() {
		for (String service : RepositoryFiles.imageServices()) {
			List<String[]> instructions = instructions(service);
			int user = -1;
			for (int i = 0; i < instructions.size(); i++) {
				if (instructions.get(i)[0].equals("USER")) {
					user = i;
					assertThat(instructions.get(i)[1]).as("USER of %s", service).matches("[1-9]\\d*:[1-9]\\d*");
				}
				else if (List.of("RUN", "COPY").contains(instructions.get(i)[0])) {
					assertThat(user).as("%s runs %s as root only before USER", service, instructions.get(i)[0])
						.isLessThan(0);
				}
			}
			assertThat(user).as("USER of %s", service).isPositive();
		}
	}

	@Test
	void healthChecksProbeActuatorOnTheExposedManagementPort() {
		for (String service : RepositoryFiles.imageServices()) {
			List<String[]> instructions = instructions(service);
			String port = argumentsOf(instructions, "EXPOSE").get(0);
			assertThat(argumentsOf(instructions, "ENV")).singleElement()
				.asString()
				.contains("MANAGEMENT_SERVER_PORT=" + port);
			assertThat(argumentsOf(instructions, "HEALTHCHECK")).singleElement()
				.asString()
				.contains("http://127.0.0.1:" + port + "/actuator/health");
		}
	}

	@Test
	void buildScriptExtractsTheLayersEachDockerfileCopies(@TempDir Path repository) throws Exception {
		String version = RepositoryFiles.projectVersion();
		for (String service : RepositoryFiles.imageServices()) {
			Path jar = RepositoryFiles.path(service + "/target/" + service + "-" + version + "-exec.jar");
			assumeTrue(Files.isRegularFile(jar), "No " + jar + ": package the services first (./mvnw package)");
		}
		Path script = copyScriptTree(repository);
		for (String service : RepositoryFiles.imageServices()) {
			Path target = Files.createDirectories(repository.resolve(service + "/target"));
			Files.createSymbolicLink(target.resolve(service + "-" + version + "-exec.jar"),
					RepositoryFiles.path(service + "/target/" + service + "-" + version + "-exec.jar"));
		}
		Result result = run(script, "--skip-maven", "--dry-run");
		assertThat(result.exitCode()).as(result.errors()).isZero();
		for (String service : RepositoryFiles.imageServices()) {
			assertThat(result.output()).contains("docker build --build-arg VERSION=" + version + " --tag llm-fleet/"
					+ service + ":" + version + " --file " + service + "/Dockerfile " + service);
			Path layers = repository.resolve(service + "/target/docker");
			assertThat(LAYERS).allSatisfy((layer) -> assertThat(layers.resolve(layer)).isDirectory());
			assertThat(layers.resolve("spring-boot-loader/org/springframework/boot/loader/launch/JarLauncher.class"))
				.isRegularFile();
			assertThat(layers.resolve("application/BOOT-INF/classes")).isDirectory();
			assertThat(layers.resolve("dependencies/BOOT-INF/lib")).isDirectory();
		}
	}

	@Test
	void buildScriptStopsAtAServiceWhoseJarIsMissing(@TempDir Path repository) throws Exception {
		Result result = run(copyScriptTree(repository), "--skip-maven", "--dry-run", "worker-vllm");
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.errors())
			.contains("No worker-vllm/target/worker-vllm-" + RepositoryFiles.projectVersion() + "-exec.jar");
	}

	@Test
	void buildScriptRejectsAServiceItDoesNotBuild(@TempDir Path repository) throws Exception {
		Result result = run(copyScriptTree(repository), "--skip-maven", "--dry-run", "fleet-cli");
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.errors()).contains("Unknown service 'fleet-cli'");
	}

	/**
	 * The Dockerfile's instructions, continuation lines joined: keyword, then arguments.
	 */
	private static List<String[]> instructions(String service) {
		String text = RepositoryFiles.read(RepositoryFiles.path(service + "/Dockerfile"));
		List<String[]> instructions = new ArrayList<>();
		for (String line : text.replaceAll("\\\\\\n\\s*", " ").split("\\n")) {
			String trimmed = line.strip();
			if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
				String[] parts = trimmed.split("\\s+", 2);
				instructions.add(new String[] { parts[0].toUpperCase(), (parts.length > 1) ? parts[1] : "" });
			}
		}
		return instructions;
	}

	private static List<String> argumentsOf(List<String[]> instructions, String keyword) {
		return instructions.stream().filter((instruction) -> instruction[0].equals(keyword)).map((i) -> i[1]).toList();
	}

	/** The root pom, the script and the Dockerfiles, in a throwaway repository. */
	private static Path copyScriptTree(Path repository) throws IOException {
		Files.copy(RepositoryFiles.path("pom.xml"), repository.resolve("pom.xml"));
		Path script = Files.createDirectories(repository.resolve("docker")).resolve("build-images.sh");
		Files.copy(RepositoryFiles.path("docker/build-images.sh"), script);
		for (String service : RepositoryFiles.imageServices()) {
			Files.createDirectories(repository.resolve(service));
			Files.copy(RepositoryFiles.path(service + "/Dockerfile"), repository.resolve(service + "/Dockerfile"));
		}
		return script;
	}

	private static Result run(Path script, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of("bash", script.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> environment = builder.environment();
		// the java of this build extracts the layers
		environment.put("PATH", Path.of(System.getProperty("java.home"), "bin") + java.io.File.pathSeparator
				+ environment.getOrDefault("PATH", ""));
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		return new Result(process.exitValue(), output, errors);
	}

	private record Result(int exitCode, String output, String errors) {
	}

}
