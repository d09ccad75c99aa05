package io.llmfleet.worker.capacity;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the pinned GPU through NVML at every heartbeat. Name, UUID and index are read
 * once; memory and utilization at each {@link #read()}. A read that fails degrades that
 * one reading to the static budget with the error, logged once when it starts and once
 * when reads work again, not at every heartbeat.
 */
final class NvmlGpuProbe implements GpuProbe {

	private static final Logger logger = LoggerFactory.getLogger(NvmlGpuProbe.class);

	private final NvmlSession session;

	private final NvmlDevice device;

	private final int index;

	private final String uuid;

	private final String name;

	private final long budgetBytes;

	private String failing;

	private NvmlGpuProbe(NvmlSession session, NvmlDevice device, int index, String uuid, String name,
			long budgetBytes) {
		this.session = session;
		this.device = device;
		this.index = index;
		this.uuid = uuid;
		this.name = name;
		this.budgetBytes = budgetBytes;
	}

	/**
	 * Opens NVML and finds the selected device.
	 * @param selection the device to read
	 * @param budgetBytes the static budget for when NVML cannot be read
	 * @param libraryNames NVML library names to try, in order
	 * @return an NVML probe, or a static one saying why NVML cannot be read
	 * @throws IllegalStateException when the device NVML found is not the one
	 * {@code CUDA_VISIBLE_DEVICES} names
	 */
	static GpuProbe open(GpuSelection selection, long budgetBytes, List<String> libraryNames) {
		NvmlSession session;
		try {
			session = NvmlSession.open(libraryNames);
		}
		catch (NvmlException ex) {
			return new StaticGpuProbe(budgetBytes, selection.index(), selection.uuid(), ex.getMessage());
		}
		try {
			NvmlDevice device = (selection.index() != null) ? session.device(selection.index())
					: session.find(selection.uuid());
			int index = device.index();
			String uuid = device.uuid();
			String name = device.name();
			selection.confirm(index, uuid);
			logger.info("Reading GPU {} ({}, {}) through NVML, chosen by {}", index, name, uuid, selection.origin());
			return new NvmlGpuProbe(session, device, index, uuid, name, budgetBytes);
		}
		catch (NvmlException ex) {
			session.close();
			return new StaticGpuProbe(budgetBytes, selection.index(), selection.uuid(),
					"GPU chosen by " + selection.origin() + " cannot be read: " + ex.getMessage());
		}
		catch (RuntimeException ex) {
			session.close();
			throw ex;
		}
	}

	@Override
	public GpuReading read() {
		try {
			NvmlDevice.MemoryInfo memory = this.device.memory();
			GpuReading reading = GpuReading.measured(this.index, this.uuid, this.name, memory, utilization());
			if (this.failing != null) {
				logger.info("NVML reads GPU {} again after: {}", this.index, this.failing);
				this.failing = null;
			}
			return reading;
		}
		catch (NvmlException ex) {
			String error = "NVML read of GPU " + this.index + " failed: " + ex.getMessage();
			if (!error.equals(this.failing)) {
				logger.warn("{}; next: report the static budget of {} bytes until reads work again", error,
						this.budgetBytes);
				this.failing = error;
			}
			return GpuReading.budget(this.budgetBytes, this.index, this.uuid, this.name, error);
		}
	}

	// utilization is a detail of the reading: a device without it still has memory
	private Integer utilization() {
		try {
			return this.device.utilization().gpu();
		}
		catch (NvmlException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		this.session.close();
	}

}
