package io.llmfleet.worker.runtime;

import java.util.List;

import io.llmfleet.core.catalog.FleetCatalog;
import io.llmfleet.core.catalog.FleetCatalog.Model;

/**
 * The catalogue models a worker serves: those it names, or every model of its backend
 * kind. Fails at start-up when a named model is unknown or belongs to another backend.
 */
record ServedModels(List<Model> models) {

	static ServedModels resolve(FleetCatalog catalog, WorkerProperties properties) {
		if (properties.models().isEmpty()) {
			List<Model> ofBackend = catalog.models()
				.stream()
				.filter((model) -> model.backend().equals(properties.backend()))
				.toList();
			if (ofBackend.isEmpty()) {
				throw new IllegalStateException("No catalogue model has backend '" + properties.backend()
						+ "'; catalogue models: " + catalog.modelIds());
			}
			return new ServedModels(ofBackend);
		}
		return new ServedModels(properties.models().stream().map((id) -> served(catalog, properties, id)).toList());
	}

	private static Model served(FleetCatalog catalog, WorkerProperties properties, String id) {
		Model model = catalog.model(id)
			.orElseThrow(() -> new IllegalStateException(
					"fleet.worker.models names '" + id + "', which is not in the catalogue " + catalog.modelIds()));
		if (!model.backend().equals(properties.backend())) {
			throw new IllegalStateException("fleet.worker.models names '" + id + "', a " + model.backend()
					+ " model, but this worker drives " + properties.backend());
		}
		return model;
	}

	List<String> ids() {
		return this.models.stream().map(Model::id).toList();
	}

}
