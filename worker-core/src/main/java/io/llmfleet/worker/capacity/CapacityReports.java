package io.llmfleet.worker.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.LoadedModel;
import io.llmfleet.schemas.ModelSlots;
import io.llmfleet.worker.backend.BackendStatus;

/**
 * Builds one {@link CapacityReport} from what the worker knows at that moment: the GPU
 * reading, the backend's status and the slots in flight. Pure, so every rule is tested
 * without a broker.
 *
 * <ul>
 * <li>Loaded models are the backend's; a served model with calls in flight that the
 * backend does not list yet is being loaded (Ollama loads on the first request), so it is
 * listed with {@code loading=true}, and so is a model the worker is warming up, until its
 * warm-up returns, even where the backend lists it already (Ollama lists a model from the
 * moment its load starts). A model's VRAM is the backend's figure, else the
 * catalogue's.</li>
 * <li>NVML figures are reported as read. With the static budget, used VRAM is what the
 * loaded models hold (models this worker does not serve included), capped at the
 * budget.</li>
 * </ul>
 */
final class CapacityReports {

	private CapacityReports() {
	}

	/**
	 * The identity and cadence a report carries.
	 *
	 * @param workerId the worker id, the report's key
	 * @param host the host name
	 * @param heartbeat how often reports go out at the latest
	 */
	record Identity(String workerId, String host, Duration heartbeat) {
	}

	static CapacityReport build(Identity identity, List<Model> served, GpuReading gpu, BackendStatus status,
			InFlightSlots slots, Set<String> warming, boolean draining, Instant now) {
		List<LoadedModel> loaded = loadedModels(served, status, slots, warming);
		long total = gpu.totalBytes();
		long used;
		long free;
		if (gpu.nvml()) {
			used = gpu.usedBytes();
			free = gpu.freeBytes();
		}
		else {
			long held = status.otherVramBytes();
			for (LoadedModel model : loaded) {
				held += model.getVramBytes();
			}
			used = Math.min(total, held);
			free = total - used;
		}
		List<ModelSlots> modelSlots = new ArrayList<>();
		for (Model model : served) {
			modelSlots.add(new ModelSlots(model.id(), slots.inFlight(model.id()), slots.maxInFlight()));
		}
		return CapacityReport.newBuilder()
			.setWorkerId(identity.workerId())
			.setHost(identity.host())
			.setGpuIndex(gpu.index())
			.setGpuUuid(gpu.uuid())
			.setGpuName(gpu.name())
			.setVramTotalBytes(total)
			.setVramUsedBytes(used)
			.setVramFreeBytes(free)
			.setSource(gpu.nvml() ? CapacitySource.NVML : CapacitySource.STATIC)
			.setModelsServed(served.stream().map(Model::id).toList())
			.setModelsLoaded(loaded)
			.setInFlight(slots.total())
			.setMaxConcurrency(slots.maxInFlight() * served.size())
			.setReportedAt(now)
			.setHeartbeatMs(identity.heartbeat().toMillis())
			.setSlots(modelSlots)
			.setBackendRunning(status.running())
			.setBackendWaiting(status.waiting())
			.setKvCacheUsage(status.kvCacheUsage())
			.setGpuError(gpu.error())
			.setDraining(draining)
			.build();
	}

	/**
	 * The ids of the models a status lists as loaded.
	 * @return the ids, null when the backend does not say
	 */
	static Set<String> loadedIds(BackendStatus status) {
		if (status.loaded() == null) {
			return null;
		}
		Set<String> ids = new LinkedHashSet<>();
		status.loaded().forEach((model) -> ids.add(model.modelId()));
		return ids;
	}

	private static List<LoadedModel> loadedModels(List<Model> served, BackendStatus status, InFlightSlots slots,
			Set<String> warming) {
		List<LoadedModel> loaded = new ArrayList<>();
		Set<String> listed = new LinkedHashSet<>();
		if (status.loaded() != null) {
			for (BackendStatus.Loaded model : status.loaded()) {
				long vram = (model.vramBytes() != null) ? model.vramBytes() : catalogueVram(served, model.modelId());
				loaded
					.add(new LoadedModel(model.modelId(), vram, model.loading() || warming.contains(model.modelId())));
				listed.add(model.modelId());
			}
		}
		else if (warming.isEmpty()) {
			return loaded;
		}
		for (Model model : served) {
			boolean inUse = status.loaded() != null && slots.inFlight(model.id()) > 0;
			if (!listed.contains(model.id()) && (inUse || warming.contains(model.id()))) {
				loaded.add(new LoadedModel(model.id(), model.vram().toBytes(), true));
			}
		}
		return loaded;
	}

	private static long catalogueVram(List<Model> served, String modelId) {
		return served.stream()
			.filter((model) -> model.id().equals(modelId))
			.mapToLong((model) -> model.vram().toBytes())
			.findFirst()
			.orElse(0L);
	}

}
