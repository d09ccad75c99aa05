package io.llmfleet.simulator;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import io.llmfleet.simulator.fault.Fault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BackendSimulatorIT {

	private static final String OLLAMA_CHAT = """
			{"model": "llama3.2:3b", "stream": false, "messages": [{"role": "user", "content": "hello %d"}]}""";

	@Test
	void bindsBothServersToLoopbackOnEphemeralPorts() {
		try (BackendSimulator simulator = BackendSimulator.start(SimulatorSettings.defaults())) {
			assertThat(simulator.ollamaBaseUrl().getHost()).isEqualTo("127.0.0.1");
			assertThat(simulator.vllmBaseUrl().getHost()).isEqualTo("127.0.0.1");
			assertThat(simulator.ollamaBaseUrl().getPort()).isPositive()
				.isNotEqualTo(simulator.vllmBaseUrl().getPort());
		}
	}

	@Test
	void pacesAnswersByTheLatencyModel() {
		LatencyModel latency = new LatencyModel(Duration.ofMillis(100), 200);
		try (BackendSimulator simulator = BackendSimulator
			.start(SimulatorSettings.defaults().withLatency(latency).withDefaultMaxTokens(11))) {
			SimulatorClient ollama = new SimulatorClient(simulator.ollamaBaseUrl());
			long start = System.nanoTime();
			HttpResponse<String> response = ollama.post("/api/chat", OLLAMA_CHAT.formatted(1));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			// 100 ms to the first token, then 10 more at 5 ms each
			assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(150)).isLessThan(Duration.ofSeconds(5));
			long promptEval = SimulatorClient.json(response).path("prompt_eval_duration").asLong();
			assertThat(Duration.ofNanos(promptEval)).isGreaterThanOrEqualTo(Duration.ofMillis(100));
		}
	}

	@Test
	void servesManyRequestsConcurrently() {
		LatencyModel latency = new LatencyModel(Duration.ofMillis(300), 1000);
		ExecutorService clients = Executors.newFixedThreadPool(64);
		try (BackendSimulator simulator = BackendSimulator.start(SimulatorSettings.defaults().withLatency(latency))) {
			SimulatorClient ollama = new SimulatorClient(simulator.ollamaBaseUrl());
			long start = System.nanoTime();
			List<CompletableFuture<HttpResponse<String>>> replies = IntStream.range(0, 64)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> ollama.post("/api/chat", OLLAMA_CHAT.formatted(i)),
						clients))
				.toList();
			replies.forEach((reply) -> assertThat(reply.join().statusCode()).isEqualTo(200));
			// one at a time would take 64 x 350 ms, over 22 s; the margin absorbs a
			// loaded CI machine
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void closeDropsRequestsThatHang() {
		BackendSimulator simulator = BackendSimulator
			.start(SimulatorSettings.defaults().withLatency(LatencyModel.instant()).withVllmFaults(Fault.hang()));
		SimulatorClient vllm = new SimulatorClient(simulator.vllmBaseUrl());
		CompletableFuture<HttpResponse<String>> reply = vllm.postAsync("/v1/chat/completions",
				"{\"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}", Duration.ofSeconds(30));
		await().atMost(Duration.ofSeconds(10)).until(() -> simulator.vllmFaults().hanging() == 1);
		simulator.close();
		assertThat(reply).failsWithin(Duration.ofSeconds(10));
		await().atMost(Duration.ofSeconds(10)).until(() -> simulator.vllmFaults().hanging() == 0);
	}

	@Test
	void faultsOfOneServerLeaveTheOtherAlone() {
		try (BackendSimulator simulator = BackendSimulator
			.start(SimulatorSettings.defaults().withLatency(LatencyModel.instant()))) {
			simulator.vllmFaults().set(Fault.error(500));
			assertThat(new SimulatorClient(simulator.ollamaBaseUrl()).post("/api/chat", OLLAMA_CHAT.formatted(1))
				.statusCode()).isEqualTo(200);
			assertThat(simulator.ollamaFaults().list()).isEmpty();
		}
	}

	@Test
	void closeStopsAnswering() {
		BackendSimulator simulator = BackendSimulator.start(SimulatorSettings.defaults());
		SimulatorClient ollama = new SimulatorClient(simulator.ollamaBaseUrl());
		assertThat(ollama.get("/").statusCode()).isEqualTo(200);
		simulator.close();
		simulator.close();
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> ollama.get("/"))).isNotNull();
	}

}
