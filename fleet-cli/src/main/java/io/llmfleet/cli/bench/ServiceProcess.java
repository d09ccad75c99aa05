package io.llmfleet.cli.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;

/**
 * One fleet service in a JVM of its own, started from this JVM's class path, so its
 * resident memory can be read apart from the others'. From the executable jar
 * ({@code fleet-exec.jar}) the service's main class is started through Spring Boot's
 * {@code PropertiesLauncher} with {@code -Dloader.main}; from a plain class path, as is.
 * Its output goes to a log file.
 */
final class ServiceProcess implements AutoCloseable {

	/** Spring Boot's launcher that runs any main class of an executable jar. */
	static final String PROPERTIES_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";

	private final String name;

	private final Process process;

	private final Path log;

	private ServiceProcess(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	/**
	 * Starts a service.
	 * @param name the service's name in the report
	 * @param mainClass its Spring Boot application's main class
	 * @param jvmOptions options for its JVM
	 * @param arguments its Spring arguments
	 * @param log where its output goes
	 * @return the running process
	 */
	static ServiceProcess start(String name, String mainClass, List<String> jvmOptions, List<String> arguments,
			Path log) {
		String classPath = System.getProperty("java.class.path");
		List<String> command = command(javaExecutable(), classPath, isBootJar(classPath), mainClass, jvmOptions,
				arguments);
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			return new ServiceProcess(name, process, log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + name + ": " + String.join(" ", command), ex);
		}
	}

	/**
	 * The command line that runs {@code mainClass} in a new JVM.
	 * @param java the java executable
	 * @param classPath this JVM's class path
	 * @param bootJar whether the class path is one Spring Boot executable jar
	 * @param mainClass the class to run
	 * @param jvmOptions options for the JVM
	 * @param arguments the program's arguments
	 * @return the command
	 */
	static List<String> command(String java, String classPath, boolean bootJar, String mainClass,
			List<String> jvmOptions, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmOptions);
		command.add("-cp");
		command.add(classPath);
		if (bootJar) {
			command.add("-Dloader.main=" + mainClass);
			command.add(PROPERTIES_LAUNCHER);
		}
		else {
			command.add(mainClass);
		}
		command.addAll(arguments);
		return command;
	}

	/** Whether {@code classPath} is a single Spring Boot executable jar. */
	static boolean isBootJar(String classPath) {
		if (classPath == null || classPath.contains(java.io.File.pathSeparator) || !classPath.endsWith(".jar")) {
			return false;
		}
		try (ZipFile jar = new ZipFile(classPath)) {
			return jar.getEntry("BOOT-INF/") != null || jar.getEntry("BOOT-INF/classes/") != null;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String javaExecutable() {
		return ProcessHandle.current()
			.info()
			.command()
			.orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
	}

	String name() {
		return this.name;
	}

	long pid() {
		return this.process.pid();
	}

	Path log() {
		return this.log;
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	/** Its memory now; empty once it has exited. */
	Optional<ProcessMemory> memory() {
		return this.process.isAlive() ? ProcessMemory.of(this.process.pid()) : Optional.empty();
	}

	/** Stops it (SIGTERM, so Spring closes its context), forcibly after 20 seconds. */
	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				this.process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

}
