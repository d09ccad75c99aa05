package io.llmfleet.worker.capacity;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports a configured VRAM budget instead of a measurement, with the reason in every
 * reading, for hosts where NVML cannot be read (no NVIDIA driver, a laptop, CI).
 */
final class StaticGpuProbe implements GpuProbe {

	private static final Logger logger = LoggerFactory.getLogger(StaticGpuProbe.class);

	private final GpuReading reading;

	StaticGpuProbe(long budgetBytes, Integer index, String uuid, String reason) {
		this.reading = GpuReading.budget(budgetBytes, index, uuid, null, reason);
		logger.info("GPU memory is not measured: {}; next: report a static budget of {} bytes", reason, budgetBytes);
	}

	@Override
	public GpuReading read() {
		return this.reading;
	}

}
