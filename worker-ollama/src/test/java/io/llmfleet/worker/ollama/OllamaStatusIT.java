package io.llmfleet.worker.ollama;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import io.llmfleet.core.catalog.FleetCatalog.Model;
import io.llmfleet.simulator.BackendSimulator;
import io.llmfleet.simulator.LatencyModel;
import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.worker.backend.BackendOutcome;
import io.llmfleet.worker.backend.BackendStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link OllamaBackend#status} against a simulated Ollama over real HTTP: the models a
 * chat call loaded, as {@code /api/ps} lists them.
 */
class OllamaStatusIT {

	private static final String LOADED = "llama3.2:3b";

	private static final String IDLE = "qwen2.5-coder:7b";

	private static final List<Model> SERVED = List.of(
			new Model("llama3.2-3b", "ollama", LOADED, "fast", 8192, DataSize.ofGigabytes(3)),
			new Model("qwen2.5-coder-7b", "ollama", IDLE, "code", 8192, DataSize.ofGigabytes(6)));

	private static BackendSimulator simulator;

	@BeforeAll
	static void startSimulator() {
		simulator = BackendSimulator.start(SimulatorSettings.defaults()
			.withOllamaModels(List.of(LOADED, IDLE))
			.withLatency(new LatencyModel(Duration.ofMillis(5), 2000))
			.withDefaultMaxTokens(4));
	}

	@AfterAll
	static void stopSimulator() {
		simulator.close();
	}

	@Test
	void aModelAChatCallLoadedIsListedWithTheVramOllamaReports() throws Exception {
		OllamaBackend backend = OllamaBackendIT.backend(simulator.ollamaBaseUrl());
		assertThat(backend.status(SERVED, Duration.ofSeconds(2)).loaded()).isEmpty();

		BackendOutcome outcome = backend.chat(OllamaBackendIT.call(LOADED, null, Duration.ofSeconds(10)));
		assertThat(outcome).isInstanceOf(BackendOutcome.Completed.class);

		BackendStatus status = backend.status(SERVED, Duration.ofSeconds(2));

		assertThat(status.error()).isNull();
		assertThat(status.loaded()).singleElement().satisfies((loaded) -> {
			assertThat(loaded.modelId()).isEqualTo("llama3.2-3b");
			assertThat(loaded.vramBytes()).isPositive().isEqualTo(sizeVramInPs(LOADED));
			assertThat(loaded.loading()).isFalse();
		});
		assertThat(status.otherVramBytes()).isZero();
	}

	@Test
	void anOllamaThatDoesNotAnswerGivesAFailedStatusInsteadOfThrowing() throws IOException {
		OllamaBackend backend = OllamaBackendIT.backend(OllamaBackendIT.deadUrl());

		BackendStatus status = backend.status(SERVED, Duration.ofSeconds(2));

		assertThat(status.loaded()).isNull();
		assertThat(status.error()).startsWith("ollama status at http://127.0.0.1:").contains("ConnectException");
	}

	private static long sizeVramInPs(String name) throws Exception {
		HttpResponse<String> ps = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(simulator.ollamaBaseUrl().resolve("/api/ps")).build(),
					HttpResponse.BodyHandlers.ofString());
		for (JsonNode model : JsonMapper.builder().build().readTree(ps.body()).path("models")) {
			if (model.path("name").asString().equals(name)) {
				return model.path("size_vram").asLong();
			}
		}
		throw new AssertionError(name + " is not in /api/ps: " + ps.body());
	}

}
