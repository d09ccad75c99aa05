package io.llmfleet.worker.capacity;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hardware probe's main against the fake NVML: what it prints and how it exits.
 */
class NvmlProbeMainTests {

	private static final long GIB = 1L << 30;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private FakeNvml nvml;

	@BeforeEach
	void describeTwoGpus() {
		this.nvml = FakeNvml.install();
		this.nvml.setDevice(0, "Fake H100", 80 * GIB, 8 * GIB, 3);
		this.nvml.setDevice(1, "Fake L4", 24 * GIB, 12 * GIB, 50);
	}

	@Test
	void withoutAPinEveryDeviceIsPrinted() {
		int status = run(null);

		assertThat(status).isZero();
		assertThat(printed()).contains("NVML answers: 2 device(s); CUDA_VISIBLE_DEVICES=(unset)")
			.contains("GPU 0: Fake H100  GPU-fake-0", "GPU 1: Fake L4  GPU-fake-1")
			.contains("total 25769803776 bytes (24.00 GiB), used 12884901888 bytes (12.00 GiB)")
			.contains("utilization: 50% GPU, 50% memory");
		assertThat(this.nvml.openInits()).isZero();
	}

	@Test
	void aPinPrintsOnlyItsDeviceAndWhatChoseIt() {
		int status = run("1", "--uuid", "GPU-fake-1");

		assertThat(status).isZero();
		assertThat(printed())
			.contains(
					"Pinned by fleet.worker.gpu.uuid=GPU-fake-1, checked against CUDA_VISIBLE_DEVICES='1' through NVML")
			.contains("GPU 1: Fake L4")
			.doesNotContain("Fake H100");
	}

	@Test
	void aPinThatDisagreesWithCudaVisibleDevicesExitsWithTheReason() {
		int status = run("0", "--index", "1");

		assertThat(status).isEqualTo(1);
		assertThat(printed()).contains("The pin does not fit this host: fleet.worker.gpu.index=1 pins a GPU")
			.contains("would not start");
	}

	@Test
	void aMissingLibraryExitsWithTheReason() {
		int status = run(null, "--library", "nvidia-ml-absent");

		assertThat(status).isEqualTo(1);
		assertThat(printed()).contains("NVML cannot be read: NVML library nvidia-ml-absent not found")
			.contains("source=STATIC");
	}

	@Test
	void aBadArgumentPrintsTheUsage() {
		assertThat(run(null, "--idx", "1")).isEqualTo(2);
		assertThat(printed()).startsWith("usage: NvmlProbeMain");
	}

	private int run(String cudaVisibleDevices, String... args) {
		return NvmlProbeMain.run(args, new PrintStream(this.out, true, StandardCharsets.UTF_8), cudaVisibleDevices);
	}

	private String printed() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

}
