package io.llmfleet.worker.capacity;

/**
 * What a {@link GpuProbe} read at one heartbeat: memory measured through NVML, or the
 * static budget with the reason NVML could not be read.
 *
 * @param nvml true when NVML measured the memory
 * @param index the GPU's NVML index, null when unknown
 * @param uuid the GPU's UUID, null when unknown
 * @param name the product name, null when unknown
 * @param totalBytes device memory, or the static budget
 * @param usedBytes allocated memory; null for the static budget, where the caller adds up
 * the loaded models
 * @param freeBytes unallocated memory; null for the static budget
 * @param gpuUtilization percent of the last sample period, null when not read
 * @param error why NVML could not be read; null when it was
 */
public record GpuReading(boolean nvml, Integer index, String uuid, String name, long totalBytes, Long usedBytes,
		Long freeBytes, Integer gpuUtilization, String error) {

	/** Memory as NVML measured it. */
	static GpuReading measured(int index, String uuid, String name, NvmlDevice.MemoryInfo memory,
			Integer gpuUtilization) {
		return new GpuReading(true, index, uuid, name, memory.total(), memory.used(), memory.free(), gpuUtilization,
				null);
	}

	/** The static budget, with what is known of the device and why NVML was not read. */
	static GpuReading budget(long budgetBytes, Integer index, String uuid, String name, String error) {
		return new GpuReading(false, index, uuid, name, budgetBytes, null, null, null, error);
	}

}
