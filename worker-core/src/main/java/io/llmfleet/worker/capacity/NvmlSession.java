package io.llmfleet.worker.capacity;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.jna.Native;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * NVML loaded and initialised: device lookups between {@link #open} ({@code nvmlInit_v2})
 * and {@link #close()} ({@code nvmlShutdown}). NVML enumerates the host's physical
 * devices whatever {@code CUDA_VISIBLE_DEVICES} says. Thread-safe, as NVML is. Depends on
 * JNA alone, so {@link NvmlProbeMain} runs with nothing else on the class path.
 */
public final class NvmlSession implements AutoCloseable {

	private final Nvml nvml;

	private final AtomicBoolean closed = new AtomicBoolean();

	private NvmlSession(Nvml nvml) {
		this.nvml = nvml;
	}

	/**
	 * Loads the first of the library names that loads and initialises NVML.
	 * @param libraryNames names or paths, as JNA resolves them (through
	 * {@code jna.library.path}, then the system)
	 * @return the open session
	 * @throws NvmlException when no name loads or init fails
	 */
	public static NvmlSession open(List<String> libraryNames) {
		Nvml nvml = load(libraryNames);
		int result = nvml.nvmlInit_v2();
		if (result != Nvml.SUCCESS) {
			throw NvmlException.failed("nvmlInit_v2()", result, nvml.nvmlErrorString(result));
		}
		return new NvmlSession(nvml);
	}

	private static Nvml load(List<String> libraryNames) {
		LinkageError last = null;
		for (String name : libraryNames) {
			try {
				return Native.load(name, Nvml.class);
			}
			catch (LinkageError ex) {
				last = ex;
			}
		}
		throw NvmlException.notLoaded(String.join(" or ", libraryNames),
				(last != null) ? last : new UnsatisfiedLinkError("no library name given"));
	}

	/**
	 * The number of devices on this host.
	 * @return the count
	 */
	public int deviceCount() {
		IntByReference count = new IntByReference();
		check("nvmlDeviceGetCount_v2()", this.nvml.nvmlDeviceGetCount_v2(count));
		return count.getValue();
	}

	/**
	 * The device at a physical index (NVML's order, PCI bus order).
	 * @param index the index
	 * @return the device
	 */
	public NvmlDevice device(int index) {
		PointerByReference handle = new PointerByReference();
		check("nvmlDeviceGetHandleByIndex_v2(" + index + ")", this.nvml.nvmlDeviceGetHandleByIndex_v2(index, handle));
		return new NvmlDevice(this, handle.getValue());
	}

	/**
	 * The device with a UUID.
	 * @param uuid the full UUID, such as {@code GPU-8932f937-...}
	 * @return the device
	 */
	public NvmlDevice device(String uuid) {
		PointerByReference handle = new PointerByReference();
		check("nvmlDeviceGetHandleByUUID(" + uuid + ")", this.nvml.nvmlDeviceGetHandleByUUID(uuid, handle));
		return new NvmlDevice(this, handle.getValue());
	}

	/**
	 * The device with a UUID or, as {@code CUDA_VISIBLE_DEVICES} allows, the one device
	 * whose UUID starts with it.
	 * @param uuid a whole UUID or a prefix of one
	 * @return the device
	 */
	public NvmlDevice find(String uuid) {
		try {
			return device(uuid);
		}
		catch (NvmlException ex) {
			if (ex.code() != Nvml.ERROR_NOT_FOUND) {
				throw ex;
			}
			for (int i = 0, count = deviceCount(); i < count; i++) {
				NvmlDevice candidate = device(i);
				if (candidate.uuid().regionMatches(true, 0, uuid, 0, uuid.length())) {
					return candidate;
				}
			}
			throw ex;
		}
	}

	Nvml nvml() {
		return this.nvml;
	}

	void check(String call, int result) {
		if (result != Nvml.SUCCESS) {
			throw NvmlException.failed(call, result, this.nvml.nvmlErrorString(result));
		}
	}

	/** Shuts NVML down once; calling it again does nothing. */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			this.nvml.nvmlShutdown();
		}
	}

}
