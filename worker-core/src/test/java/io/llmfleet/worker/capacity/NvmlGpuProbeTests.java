package io.llmfleet.worker.capacity;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The NVML probe through its real JNA binding, against the fake {@code libnvidia-ml.so}.
 */
class NvmlGpuProbeTests {

	private static final long GIB = 1L << 30;

	private static final long BUDGET = DataSize.ofGigabytes(80).toBytes();

	private FakeNvml nvml;

	@BeforeEach
	void describeTwoGpus() {
		this.nvml = FakeNvml.install();
		this.nvml.setDevice(0, "Fake H100 80GB HBM3", 80 * GIB, 10 * GIB, 5);
		this.nvml.setDevice(1, "Fake L4", 24 * GIB, 6 * GIB, 37);
	}

	@Test
	void readsNameUuidMemoryAndUtilizationOfTheGpuPinnedByIndex() {
		try (GpuProbe probe = open(1, null, null)) {
			GpuReading reading = probe.read();

			assertThat(reading.nvml()).isTrue();
			assertThat(reading.error()).isNull();
			assertThat(reading.index()).isEqualTo(1);
			assertThat(reading.uuid()).isEqualTo("GPU-fake-1");
			assertThat(reading.name()).isEqualTo("Fake L4");
			assertThat(reading.totalBytes()).isEqualTo(24 * GIB);
			assertThat(reading.usedBytes()).isEqualTo(6 * GIB);
			assertThat(reading.freeBytes()).isEqualTo(18 * GIB);
			assertThat(reading.gpuUtilization()).isEqualTo(37);
		}
	}

	@Test
	void readsTheGpuPinnedByUuidWithItsIndex() {
		try (GpuProbe probe = open(null, FakeNvml.uuid(0), null)) {
			GpuReading reading = probe.read();

			assertThat(reading.nvml()).isTrue();
			assertThat(reading.index()).isZero();
			assertThat(reading.name()).isEqualTo("Fake H100 80GB HBM3");
			assertThat(reading.usedBytes()).isEqualTo(10 * GIB);
		}
	}

	@Test
	void eachReadMeasuresMemoryAgain() {
		try (GpuProbe probe = open(0, null, null)) {
			assertThat(probe.read().usedBytes()).isEqualTo(10 * GIB);

			this.nvml.setDevice(0, "Fake H100 80GB HBM3", 80 * GIB, 50 * GIB, 90);

			assertThat(probe.read().usedBytes()).isEqualTo(50 * GIB);
			assertThat(probe.read().freeBytes()).isEqualTo(30 * GIB);
			assertThat(probe.read().gpuUtilization()).isEqualTo(90);
		}
	}

	@Test
	void theOneDeviceCudaVisibleDevicesNamesIsReadWithoutAPin() {
		try (GpuProbe probe = open(null, null, "1")) {
			assertThat(probe.read().uuid()).isEqualTo("GPU-fake-1");
		}
	}

	@Test
	void aUuidInCudaVisibleDevicesIsFoundAsCudaMatchesIt() {
		// NVML wants the exact UUID; CUDA also takes other case and unique prefixes
		try (GpuProbe probe = open(null, null, "GPU-FAKE-1")) {
			assertThat(probe.read().index()).isEqualTo(1);
			assertThat(probe.read().uuid()).isEqualTo("GPU-fake-1");
		}
	}

	@Test
	void anIndexPinIsConfirmedAgainstAUuidInCudaVisibleDevices() {
		try (GpuProbe probe = open(1, null, "GPU-fake-1")) {
			assertThat(probe.read().nvml()).isTrue();
		}
	}

	@Test
	void anIndexPinThatIsNotTheDeviceCudaVisibleDevicesNamesByUuidStopsStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> open(0, null, "GPU-fake-1"))
			.withMessageContaining("fleet.worker.gpu.index=0")
			.withMessageContaining("GPU-fake-0")
			.withMessageContaining("[GPU-fake-1]");
		assertThat(this.nvml.openInits()).isZero();
	}

	@Test
	void anUnknownIndexReportsTheStaticBudgetSayingWhy() {
		try (GpuProbe probe = open(7, null, null)) {
			GpuReading reading = probe.read();

			assertThat(reading.nvml()).isFalse();
			assertThat(reading.totalBytes()).isEqualTo(BUDGET);
			assertThat(reading.usedBytes()).isNull();
			assertThat(reading.index()).isEqualTo(7);
			assertThat(reading.error()).contains("fleet.worker.gpu.index=7", "nvmlDeviceGetHandleByIndex_v2(7)",
					"Invalid Argument (2)");
		}
		assertThat(this.nvml.openInits()).isZero();
	}

	@Test
	void anUnknownUuidReportsTheStaticBudgetSayingWhy() {
		try (GpuProbe probe = open(null, "GPU-missing", null)) {
			GpuReading reading = probe.read();

			assertThat(reading.nvml()).isFalse();
			assertThat(reading.uuid()).isEqualTo("GPU-missing");
			assertThat(reading.error()).contains("nvmlDeviceGetHandleByUUID(GPU-missing)", "Not Found (6)");
		}
	}

	@Test
	void aMissingLibraryReportsTheStaticBudgetSayingWhy() {
		GpuReading reading = NvmlGpuProbe.open(GpuSelection.resolve(0, null, null), BUDGET, List.of("nvidia-ml-absent"))
			.read();

		assertThat(reading.nvml()).isFalse();
		assertThat(reading.totalBytes()).isEqualTo(BUDGET);
		assertThat(reading.error()).startsWith("NVML library nvidia-ml-absent not found")
			.doesNotContain("\n")
			.doesNotEndWith(":");
	}

	@Test
	void aFailingInitReportsTheStaticBudgetSayingWhy() {
		this.nvml.failInit(9);

		GpuReading reading = open(0, null, null).read();

		assertThat(reading.nvml()).isFalse();
		assertThat(reading.error()).isEqualTo("nvmlInit_v2() failed: Driver Not Loaded (9)");
	}

	@Test
	void aReadErrorDegradesThatReadingToTheBudgetAndReadsRecoverAfterwards() {
		try (GpuProbe probe = open(0, null, null)) {
			this.nvml.failReads(15);

			GpuReading failed = probe.read();
			probe.read();

			assertThat(failed.nvml()).isFalse();
			assertThat(failed.totalBytes()).isEqualTo(BUDGET);
			assertThat(failed.name()).isEqualTo("Fake H100 80GB HBM3");
			assertThat(failed.error()).contains("GPU is lost (15)");

			this.nvml.failReads(0);

			assertThat(probe.read().nvml()).isTrue();
		}
	}

	@Test
	void closingShutsNvmlDown() {
		GpuProbe probe = open(0, null, null);
		assertThat(this.nvml.openInits()).isEqualTo(1);

		probe.close();
		probe.close();

		assertThat(this.nvml.openInits()).isZero();
	}

	@Test
	void turnedOffNvmlIsNotLoadedAndTheBudgetSaysSo() {
		GpuProperties off = new GpuProperties(0, null, false, Nvml.LIBRARY, DataSize.ofGigabytes(24));

		GpuReading reading = GpuProbe.open(off, null).read();

		assertThat(reading.nvml()).isFalse();
		assertThat(reading.totalBytes()).isEqualTo(24 * GIB);
		assertThat(reading.error()).contains("fleet.worker.gpu.nvml=false");
		assertThat(this.nvml.openInits()).isZero();
	}

	@Test
	void anEmptyCudaVisibleDevicesReportsTheBudgetWithoutReadingAnyGpu() {
		GpuReading reading = GpuProbe.open(GpuProperties.defaults(), "").read();

		assertThat(reading.nvml()).isFalse();
		assertThat(reading.error()).contains("makes no GPU visible");
	}

	private static GpuProbe open(Integer index, String uuid, String cudaVisibleDevices) {
		return GpuProbe.open(new GpuProperties(index, uuid, true, Nvml.LIBRARY, DataSize.ofGigabytes(80)),
				cudaVisibleDevices);
	}

}
