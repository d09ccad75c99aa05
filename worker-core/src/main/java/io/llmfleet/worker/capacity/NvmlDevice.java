package io.llmfleet.worker.capacity;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * One GPU as NVML sees it. Each read is one NVML call and fails with an
 * {@link NvmlException} naming it; a handle is valid while its {@link NvmlSession} is
 * open.
 */
public final class NvmlDevice {

	private final NvmlSession session;

	private final Pointer handle;

	NvmlDevice(NvmlSession session, Pointer handle) {
		this.session = session;
		this.handle = handle;
	}

	/**
	 * The product name.
	 * @return such as {@code NVIDIA H100 80GB HBM3}
	 */
	public String name() {
		byte[] name = new byte[Nvml.TEXT_BUFFER_SIZE];
		this.session.check("nvmlDeviceGetName", this.session.nvml().nvmlDeviceGetName(this.handle, name, name.length));
		return Native.toString(name);
	}

	/**
	 * The globally unique id.
	 * @return such as {@code GPU-8932f937-d72c-4106-c12f-20bd9faed9f6}
	 */
	public String uuid() {
		byte[] uuid = new byte[Nvml.TEXT_BUFFER_SIZE];
		this.session.check("nvmlDeviceGetUUID", this.session.nvml().nvmlDeviceGetUUID(this.handle, uuid, uuid.length));
		return Native.toString(uuid);
	}

	/**
	 * The physical index, NVML's (PCI bus) order.
	 * @return the index
	 */
	public int index() {
		IntByReference index = new IntByReference();
		this.session.check("nvmlDeviceGetIndex", this.session.nvml().nvmlDeviceGetIndex(this.handle, index));
		return index.getValue();
	}

	/**
	 * Device memory now.
	 * @return total, free and used bytes
	 */
	public MemoryInfo memory() {
		Nvml.Memory memory = new Nvml.Memory();
		this.session.check("nvmlDeviceGetMemoryInfo", this.session.nvml().nvmlDeviceGetMemoryInfo(this.handle, memory));
		return new MemoryInfo(memory.total, memory.free, memory.used);
	}

	/**
	 * Utilization over the last sample period.
	 * @return GPU and memory utilization, percent
	 * @throws NvmlException also when the device does not support it (code
	 * {@link Nvml#ERROR_NOT_SUPPORTED}), as MIG instances do not
	 */
	public UtilizationRates utilization() {
		Nvml.Utilization utilization = new Nvml.Utilization();
		this.session.check("nvmlDeviceGetUtilizationRates",
				this.session.nvml().nvmlDeviceGetUtilizationRates(this.handle, utilization));
		return new UtilizationRates(utilization.gpu, utilization.memory);
	}

	/**
	 * Device memory in bytes.
	 *
	 * @param total installed
	 * @param free not allocated by any process
	 * @param used allocated, driver reservations included
	 */
	public record MemoryInfo(long total, long free, long used) {
	}

	/**
	 * Utilization, percent of the last sample period.
	 *
	 * @param gpu time one or more kernels ran
	 * @param memory time device memory was read or written
	 */
	public record UtilizationRates(int gpu, int memory) {
	}

}
