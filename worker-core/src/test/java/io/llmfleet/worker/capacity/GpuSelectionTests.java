package io.llmfleet.worker.capacity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Which GPU a worker reports on, from its pin and {@code CUDA_VISIBLE_DEVICES} (passed as
 * a value: the process environment is never touched).
 */
class GpuSelectionTests {

	@Test
	void withoutPinOrCudaVisibleDevicesDeviceZeroIsRead() {
		GpuSelection selection = GpuSelection.resolve(null, null, null);

		assertThat(selection.index()).isZero();
		assertThat(selection.uuid()).isNull();
		assertThat(selection.origin()).contains("device 0");
	}

	@Test
	void theOneIndexCudaVisibleDevicesNamesIsUsedWithoutAPin() {
		GpuSelection selection = GpuSelection.resolve(null, null, "3");

		assertThat(selection.index()).isEqualTo(3);
		assertThat(selection.origin()).isEqualTo("CUDA_VISIBLE_DEVICES='3'");
	}

	@Test
	void theOneUuidCudaVisibleDevicesNamesIsUsedWithoutAPin() {
		GpuSelection selection = GpuSelection.resolve(null, null, " GPU-8932f937 ");

		assertThat(selection.index()).isNull();
		assertThat(selection.uuid()).isEqualTo("GPU-8932f937");
	}

	@Test
	void ofSeveralVisibleDevicesTheFirstIsUsedAndTheOriginSaysSo() {
		GpuSelection selection = GpuSelection.resolve(null, null, "2,3");

		assertThat(selection.index()).isEqualTo(2);
		assertThat(selection.origin()).contains("first of its 2 devices");
	}

	@Test
	void anEmptyOrHidingCudaVisibleDevicesSelectsNoGpu() {
		assertThat(GpuSelection.resolve(null, null, "").anyDevice()).isFalse();
		assertThat(GpuSelection.resolve(null, null, "-1").anyDevice()).isFalse();
		assertThat(GpuSelection.resolve(null, null, "NoDevFiles").origin()).contains("makes no GPU visible");
	}

	@Test
	void entriesAfterAnInvalidOneAreIgnoredAsCudaDoes() {
		assertThat(GpuSelection.visibleDevices("0,1,-1,2")).containsExactly("0", "1");
		assertThat(GpuSelection.visibleDevices("1,foo,2")).containsExactly("1");
		assertThat(GpuSelection.visibleDevices(null)).isNull();
	}

	@Test
	void aPinWithoutCudaVisibleDevicesStands() {
		assertThat(GpuSelection.resolve(5, null, null).index()).isEqualTo(5);
		assertThat(GpuSelection.resolve(null, "GPU-abc", null).uuid()).isEqualTo("GPU-abc");
	}

	@Test
	void aPinAmongTheVisibleDevicesAgrees() {
		GpuSelection selection = GpuSelection.resolve(1, null, "0,1");

		assertThat(selection.index()).isEqualTo(1);
		assertThat(selection.unconfirmed()).isEmpty();
	}

	@Test
	void aUuidPinAgreesWithAUuidPrefixInCudaVisibleDevices() {
		GpuSelection selection = GpuSelection.resolve(null, "GPU-8932f937-d72c-4106", "gpu-8932F937");

		assertThat(selection.unconfirmed()).isEmpty();
	}

	@Test
	void anIndexPinThatCudaVisibleDevicesDoesNotNameStopsStartUpExplainingBothOrders() {
		assertThatIllegalStateException().isThrownBy(() -> GpuSelection.resolve(0, null, "1"))
			.withMessageContaining("fleet.worker.gpu.index=0")
			.withMessageContaining("CUDA_VISIBLE_DEVICES='1'")
			.withMessageContaining("CUDA_DEVICE_ORDER=PCI_BUS_ID");
	}

	@Test
	void aUuidPinThatCudaVisibleDevicesDoesNotNameStopsStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> GpuSelection.resolve(null, "GPU-aaaa", "GPU-bbbb"))
			.withMessageContaining("fleet.worker.gpu.uuid=GPU-aaaa");
	}

	@Test
	void aPinWhileCudaVisibleDevicesHidesEveryGpuStopsStartUp() {
		assertThatIllegalStateException().isThrownBy(() -> GpuSelection.resolve(2, null, ""));
	}

	@Test
	void aPinOfTheOtherKindIsLeftForNvmlToConfirm() {
		GpuSelection selection = GpuSelection.resolve(1, null, "GPU-bbbb");

		assertThat(selection.unconfirmed()).containsExactly("GPU-bbbb");
		selection.confirm(1, "GPU-bbbb-1111");
		assertThatIllegalStateException().isThrownBy(() -> selection.confirm(1, "GPU-cccc"))
			.withMessageContaining("GPU-cccc")
			.withMessageContaining("[GPU-bbbb]");
	}

	@Test
	void aUuidPinAgainstAnIndexIsConfirmedByTheIndexNvmlReports() {
		GpuSelection selection = GpuSelection.resolve(null, "GPU-aaaa", "2");

		selection.confirm(2, "GPU-aaaa");
		assertThatIllegalStateException().isThrownBy(() -> selection.confirm(0, "GPU-aaaa"));
	}

	@Test
	void bothPinsAtOnceAreRefused() {
		assertThatIllegalStateException().isThrownBy(() -> GpuSelection.resolve(1, "GPU-a", null))
			.withMessageContaining("set one of them");
	}

}
