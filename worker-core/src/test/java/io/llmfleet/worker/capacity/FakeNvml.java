package io.llmfleet.worker.capacity;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.sun.jna.Library;
import com.sun.jna.Native;
import org.junit.jupiter.api.Assumptions;

/**
 * A fake {@code libnvidia-ml.so} for tests, so the worker's real JNA binding runs without
 * a GPU. {@link #install()} compiles {@code fake_nvml.c} (a class-path resource, so this
 * works from worker-core's test-jar too) with {@code gcc -shared -fPIC} once per JVM,
 * puts its directory first on {@code jna.library.path} and loads it; a test then
 * describes devices with {@link #setDevice} and anything loading NVML by name
 * ({@code nvidia-ml}) afterwards reads them. Device {@code i} has the UUID
 * {@link #uuid(int) GPU-fake-i}. Install before the code under test loads NVML. The
 * fake's state is global to the JVM: call {@link #reset()} at the start of each test. A
 * test that needs it is skipped, not failed, where no {@code gcc} is installed.
 */
public final class FakeNvml {

	private static final String SOURCE = "fake_nvml.c";

	private static final String LIBRARY_FILE = "libnvidia-ml.so";

	private static FakeNvml installed;

	private static Boolean gccFound;

	private final Path directory;

	private final Controls controls;

	private FakeNvml(Path directory, Controls controls) {
		this.directory = directory;
		this.controls = controls;
	}

	/**
	 * Compiles and installs the fake, once per JVM; later calls return the same one,
	 * reset.
	 * @return the fake
	 * @throws org.opentest4j.TestAbortedException (skipping the test) when there is no
	 * gcc
	 */
	public static synchronized FakeNvml install() {
		if (installed == null) {
			Assumptions.assumeTrue(gccFound(), "gcc is not installed: the fake libnvidia-ml.so cannot be built");
			Path directory = compile();
			String path = System.getProperty("jna.library.path");
			System.setProperty("jna.library.path",
					(path == null || path.isBlank()) ? directory.toString() : directory + File.pathSeparator + path);
			Controls controls = Native.load(directory.resolve(LIBRARY_FILE).toString(), Controls.class);
			installed = new FakeNvml(directory, controls);
		}
		installed.reset();
		return installed;
	}

	/**
	 * The UUID of a fake device.
	 * @param index the device index
	 * @return {@code GPU-fake-<index>}
	 */
	public static String uuid(int index) {
		return "GPU-fake-" + index;
	}

	/**
	 * Forgets every device and failure; NVML inits still open stay open.
	 */
	public void reset() {
		this.controls.fake_nvml_reset();
	}

	/**
	 * Describes a device; the device count grows to include it.
	 * @param index its NVML index, 0 to 15
	 * @param name its product name
	 * @param totalBytes its memory
	 * @param usedBytes memory in use; free is the rest
	 * @param gpuUtilization GPU utilization, percent
	 */
	public void setDevice(int index, String name, long totalBytes, long usedBytes, int gpuUtilization) {
		int result = this.controls.fake_nvml_set_device(index, name, totalBytes, usedBytes, gpuUtilization);
		if (result != 0) {
			throw new IllegalArgumentException("fake NVML refused device " + index + " (" + usedBytes + " of "
					+ totalBytes + " bytes used): code " + result);
		}
	}

	/**
	 * Makes {@code nvmlInit_v2} fail.
	 * @param code the NVML error to return (9 Driver Not Loaded, ...); 0 to succeed again
	 */
	public void failInit(int code) {
		this.controls.fake_nvml_set_init_failure(code);
	}

	/**
	 * Makes every device read fail.
	 * @param code the NVML error to return (15 GPU is lost, ...); 0 to succeed again
	 */
	public void failReads(int code) {
		this.controls.fake_nvml_set_read_failure(code);
	}

	/**
	 * NVML inits not yet shut down.
	 * @return the count
	 */
	public int openInits() {
		return this.controls.fake_nvml_init_count();
	}

	/**
	 * Where the fake library is.
	 * @return the directory holding {@code libnvidia-ml.so}
	 */
	public Path directory() {
		return this.directory;
	}

	private static boolean gccFound() {
		if (gccFound == null) {
			try {
				Process gcc = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
				gcc.getInputStream().readAllBytes();
				gccFound = gcc.waitFor(30, TimeUnit.SECONDS) && gcc.exitValue() == 0;
			}
			catch (IOException ex) {
				gccFound = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				gccFound = false;
			}
		}
		return gccFound;
	}

	private static Path compile() {
		try {
			Path directory = Files.createTempDirectory("fake-nvml-");
			Path source = directory.resolve(SOURCE);
			try (InputStream in = FakeNvml.class.getResourceAsStream(SOURCE)) {
				if (in == null) {
					throw new IllegalStateException(SOURCE + " is not on the class path next to FakeNvml");
				}
				Files.copy(in, source);
			}
			Path library = directory.resolve(LIBRARY_FILE);
			Process gcc = new ProcessBuilder("gcc", "-shared", "-fPIC", "-O1", "-o", library.toString(),
					source.toString())
				.redirectErrorStream(true)
				.start();
			String output = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!gcc.waitFor(60, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
				throw new IllegalStateException("gcc could not build the fake NVML library: " + output);
			}
			source.toFile().deleteOnExit();
			library.toFile().deleteOnExit();
			directory.toFile().deleteOnExit();
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot build the fake NVML library", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted building the fake NVML library", ex);
		}
	}

	/** The fake's own exported functions. */
	interface Controls extends Library {

		void fake_nvml_reset();

		int fake_nvml_set_device(int index, String name, long total, long used, int gpuUtil);

		void fake_nvml_set_init_failure(int code);

		void fake_nvml_set_read_failure(int code);

		int fake_nvml_init_count();

	}

}
