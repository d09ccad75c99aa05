package io.llmfleet.worker.capacity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which physical GPU a worker reports on, decided from its pin (an NVML index or a UUID)
 * and {@code CUDA_VISIBLE_DEVICES}, the devices its backend may use. Without a pin, a
 * single device named there is the one; with both, they must agree, else start-up fails:
 * a worker reporting one GPU while its backend fills another misleads every placement.
 * NVML indices follow PCI bus order and ignore {@code CUDA_VISIBLE_DEVICES}; CUDA's
 * follow {@code CUDA_DEVICE_ORDER}, so pin by UUID or set
 * {@code CUDA_DEVICE_ORDER=PCI_BUS_ID} where they could differ. Pure and immutable.
 *
 * @param index the NVML index to read, null when {@code uuid} pins the device or none is
 * visible
 * @param uuid the UUID (or a prefix of it, as CUDA accepts) to read, null otherwise
 * @param unconfirmed {@code CUDA_VISIBLE_DEVICES} entries of the other kind than the pin
 * (a UUID against an index pin, or the reverse), one of which must name the pinned device
 * once NVML says what it is; empty when nothing is left to check
 * @param origin what decided, for logs and {@code gpu_error}
 */
public record GpuSelection(Integer index, String uuid, List<String> unconfirmed, String origin) {

	/** The environment variable CUDA reads. */
	public static final String CUDA_VISIBLE_DEVICES = "CUDA_VISIBLE_DEVICES";

	public GpuSelection {
		unconfirmed = List.copyOf(unconfirmed);
	}

	/**
	 * Decides the device.
	 * @param pinIndex {@code fleet.worker.gpu.index}, null when unset
	 * @param pinUuid {@code fleet.worker.gpu.uuid}, null when unset
	 * @param cudaVisibleDevices the value of {@code CUDA_VISIBLE_DEVICES}, null when
	 * unset
	 * @return the selection
	 * @throws IllegalStateException when both pins are set, or the pin disagrees with
	 * {@code CUDA_VISIBLE_DEVICES}
	 */
	public static GpuSelection resolve(Integer pinIndex, String pinUuid, String cudaVisibleDevices) {
		if (pinIndex != null && pinUuid != null) {
			throw new IllegalStateException("fleet.worker.gpu.index (" + pinIndex + ") and fleet.worker.gpu.uuid ("
					+ pinUuid + ") both pin a GPU; set one of them");
		}
		List<String> visible = visibleDevices(cudaVisibleDevices);
		String env = CUDA_VISIBLE_DEVICES + "='" + cudaVisibleDevices + "'";
		if (pinIndex == null && pinUuid == null) {
			if (visible == null) {
				return new GpuSelection(0, null, List.of(),
						"device 0 (no fleet.worker.gpu.index or .uuid and no " + CUDA_VISIBLE_DEVICES + ")");
			}
			if (visible.isEmpty()) {
				return new GpuSelection(null, null, List.of(), env + " makes no GPU visible to the backend");
			}
			String first = visible.get(0);
			String origin = (visible.size() == 1) ? env
					: env + " (the first of its " + visible.size() + " devices; pin one with fleet.worker.gpu.index)";
			return isIndex(first) ? new GpuSelection(Integer.parseInt(first), null, List.of(), origin)
					: new GpuSelection(null, first, List.of(), origin);
		}
		String pin = (pinIndex != null) ? "fleet.worker.gpu.index=" + pinIndex : "fleet.worker.gpu.uuid=" + pinUuid;
		if (visible == null) {
			return new GpuSelection(pinIndex, pinUuid, List.of(), pin);
		}
		List<String> otherKind = new ArrayList<>();
		for (String device : visible) {
			if (isIndex(device) == (pinIndex != null)) {
				if ((pinIndex != null) ? pinIndex == Integer.parseInt(device) : sameUuid(pinUuid, device)) {
					return new GpuSelection(pinIndex, pinUuid, List.of(), pin + ", visible in " + env);
				}
			}
			else {
				otherKind.add(device);
			}
		}
		if (otherKind.isEmpty()) {
			throw disagree(pin, env);
		}
		return new GpuSelection(pinIndex, pinUuid, otherKind, pin + ", checked against " + env + " through NVML");
	}

	/**
	 * Whether any GPU is to be read at all.
	 * @return false when {@code CUDA_VISIBLE_DEVICES} hides every device
	 */
	public boolean anyDevice() {
		return this.index != null || this.uuid != null;
	}

	/**
	 * Checks the {@link #unconfirmed} entries against the device NVML found.
	 * @param nvmlIndex the device's NVML index
	 * @param nvmlUuid the device's UUID
	 * @throws IllegalStateException when none of them names it
	 */
	public void confirm(int nvmlIndex, String nvmlUuid) {
		if (this.unconfirmed.isEmpty()) {
			return;
		}
		for (String device : this.unconfirmed) {
			if (isIndex(device) ? Integer.parseInt(device) == nvmlIndex : sameUuid(nvmlUuid, device)) {
				return;
			}
		}
		throw disagree(this.origin + " (NVML: index " + nvmlIndex + ", " + nvmlUuid + ")",
				CUDA_VISIBLE_DEVICES + " entries " + this.unconfirmed);
	}

	/**
	 * The devices {@code CUDA_VISIBLE_DEVICES} names, read as CUDA does: entries up to
	 * the first one that is neither an index nor a UUID ({@code -1} hides every device).
	 * @param value the variable's value
	 * @return the entries, null when the variable is unset
	 */
	static List<String> visibleDevices(String value) {
		if (value == null) {
			return null;
		}
		List<String> devices = new ArrayList<>();
		for (String entry : value.split(",", -1)) {
			String device = entry.strip();
			if (!isIndex(device) && !isUuid(device)) {
				break;
			}
			devices.add(device);
		}
		return devices;
	}

	static boolean isIndex(String device) {
		return device.matches("\\d{1,9}");
	}

	private static boolean isUuid(String device) {
		String upper = device.toUpperCase(Locale.ROOT);
		return (upper.startsWith("GPU-") || upper.startsWith("MIG-")) && device.length() > 4;
	}

	// CUDA accepts any unique prefix of a UUID
	private static boolean sameUuid(String a, String b) {
		String left = a.toLowerCase(Locale.ROOT);
		String right = b.toLowerCase(Locale.ROOT);
		return left.startsWith(right) || right.startsWith(left);
	}

	private static IllegalStateException disagree(String pin, String visible) {
		return new IllegalStateException(pin + " pins a GPU that " + visible
				+ " does not make visible to the backend, so this worker would report one GPU while its backend uses"
				+ " another. Pin a device " + CUDA_VISIBLE_DEVICES + " names, or change " + CUDA_VISIBLE_DEVICES
				+ ". The pin uses NVML's physical order (PCI bus), whatever " + CUDA_VISIBLE_DEVICES
				+ " says; pin by UUID, or set CUDA_DEVICE_ORDER=PCI_BUS_ID, where CUDA's order could differ.");
	}

}
