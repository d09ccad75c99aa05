package io.llmfleet.worker.capacity;

/**
 * Reads the memory of the GPU a worker is pinned to, once per heartbeat. Reading never
 * fails: without NVML (no driver, init failed, no such device, a read error) it reports
 * the configured static budget and why. Used from one thread at a time; {@link #close()}
 * releases NVML.
 */
public interface GpuProbe extends AutoCloseable {

	/**
	 * Reads the GPU now.
	 * @return the reading; never null
	 */
	GpuReading read();

	@Override
	default void close() {
	}

	/**
	 * Opens the probe the settings describe: NVML for the selected GPU, else the static
	 * budget.
	 * @param properties the GPU settings
	 * @param cudaVisibleDevices the value of {@code CUDA_VISIBLE_DEVICES}, null when
	 * unset
	 * @return the probe
	 * @throws IllegalStateException when the pin and {@code CUDA_VISIBLE_DEVICES}
	 * disagree, which must stop start-up
	 */
	static GpuProbe open(GpuProperties properties, String cudaVisibleDevices) {
		GpuSelection selection = GpuSelection.resolve(properties.index(), properties.uuid(), cudaVisibleDevices);
		long budget = properties.staticVram().toBytes();
		if (!properties.nvml()) {
			return new StaticGpuProbe(budget, selection.index(), selection.uuid(),
					"NVML is off (fleet.worker.gpu.nvml=false)");
		}
		if (!selection.anyDevice()) {
			return new StaticGpuProbe(budget, null, null, selection.origin());
		}
		return NvmlGpuProbe.open(selection, budget, properties.libraryNames());
	}

}
