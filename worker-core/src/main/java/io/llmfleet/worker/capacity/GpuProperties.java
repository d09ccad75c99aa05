package io.llmfleet.worker.capacity;

import java.util.List;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The GPU a worker reports on and how, bound from {@code fleet.worker.gpu.*}. The
 * defaults work on a host without a GPU: NVML is tried, found missing, and the static
 * budget is reported with {@code source=STATIC}.
 *
 * @param index NVML (physical, PCI bus order) index of the GPU; unset with no
 * {@code uuid}: the one device {@code CUDA_VISIBLE_DEVICES} names, else device 0
 * @param uuid UUID of the GPU ({@code GPU-...}), instead of {@code index}
 * @param nvml whether to read the GPU through NVML at all
 * @param library the NVML library name or path JNA loads; {@code nvidia-ml} also tries
 * {@code libnvidia-ml.so.1}, which drivers install without the unversioned link
 * @param staticVram the VRAM reported when NVML cannot be read; 80GB (Spring's binary
 * units, 80 GiB), about one H100 80GB
 */
public record GpuProperties(@Min(0) Integer index, String uuid, @DefaultValue("true") boolean nvml,
		@DefaultValue(Nvml.LIBRARY) String library, @DefaultValue("80GB") DataSize staticVram) {

	public GpuProperties {
		uuid = (uuid != null && !uuid.isBlank()) ? uuid.strip() : null;
		if (index != null && uuid != null) {
			throw new IllegalArgumentException("fleet.worker.gpu.index (" + index + ") and fleet.worker.gpu.uuid ("
					+ uuid + ") both pin a GPU; set one of them");
		}
		if (library == null || library.isBlank()) {
			throw new IllegalArgumentException(
					"fleet.worker.gpu.library must name the NVML library, was '" + library + "'");
		}
		if (staticVram == null || staticVram.toBytes() <= 0) {
			throw new IllegalArgumentException("fleet.worker.gpu.static-vram must be positive, was " + staticVram);
		}
	}

	/** The defaults, as bound with no {@code fleet.worker.gpu.*} set. */
	public static GpuProperties defaults() {
		return new GpuProperties(null, null, true, Nvml.LIBRARY, DataSize.ofGigabytes(80));
	}

	/** The library names to try, in order. */
	List<String> libraryNames() {
		return Nvml.LIBRARY.equals(this.library) ? List.of(Nvml.LIBRARY, Nvml.LIBRARY_SO_1) : List.of(this.library);
	}

}
