package io.llmfleet.worker.capacity;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * The part of NVIDIA's NVML C API ({@code nvml.h}, library {@code nvidia-ml}) the worker
 * calls, bound through JNA. Every function returns an {@code nvmlReturn_t}:
 * {@link #SUCCESS} or an error code that {@link #nvmlErrorString} describes. A device
 * handle ({@code nvmlDevice_t}) is an opaque pointer valid between {@link #nvmlInit_v2()}
 * and the matching {@link #nvmlShutdown()}; NVML counts inits, so every init needs its
 * own shutdown. NVML is thread-safe.
 */
public interface Nvml extends Library {

	/** The library name JNA looks up: {@code libnvidia-ml.so} on Linux. */
	String LIBRARY = "nvidia-ml";

	/** The name the NVIDIA driver installs when no unversioned link exists. */
	String LIBRARY_SO_1 = "libnvidia-ml.so.1";

	/** {@code NVML_SUCCESS}. */
	int SUCCESS = 0;

	/**
	 * {@code NVML_ERROR_NOT_SUPPORTED}: the device cannot report this (MIG, some boards).
	 */
	int ERROR_NOT_SUPPORTED = 3;

	/** {@code NVML_ERROR_NOT_FOUND}: no device has that UUID. */
	int ERROR_NOT_FOUND = 6;

	/** {@code NVML_DEVICE_NAME_V2_BUFFER_SIZE}, also enough for a UUID. */
	int TEXT_BUFFER_SIZE = 96;

	int nvmlInit_v2();

	int nvmlShutdown();

	String nvmlErrorString(int result);

	int nvmlDeviceGetCount_v2(IntByReference count);

	int nvmlDeviceGetHandleByIndex_v2(int index, PointerByReference device);

	int nvmlDeviceGetHandleByUUID(String uuid, PointerByReference device);

	int nvmlDeviceGetIndex(Pointer device, IntByReference index);

	int nvmlDeviceGetName(Pointer device, byte[] name, int length);

	int nvmlDeviceGetUUID(Pointer device, byte[] uuid, int length);

	int nvmlDeviceGetMemoryInfo(Pointer device, Memory memory);

	int nvmlDeviceGetUtilizationRates(Pointer device, Utilization utilization);

	/** {@code nvmlMemory_t}: bytes of device memory. */
	@Structure.FieldOrder({ "total", "free", "used" })
	class Memory extends Structure {

		public long total;

		public long free;

		public long used;

	}

	/** {@code nvmlUtilization_t}: percent of the last sample period. */
	@Structure.FieldOrder({ "gpu", "memory" })
	class Utilization extends Structure {

		public int gpu;

		public int memory;

	}

}
