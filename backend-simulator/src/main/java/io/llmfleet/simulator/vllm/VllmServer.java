package io.llmfleet.simulator.vllm;

import java.nio.charset.StandardCharsets;

import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.simulator.TextGenerator;
import io.llmfleet.simulator.fault.FaultAdmin;
import io.llmfleet.simulator.fault.SimulatorFaults;
import io.llmfleet.simulator.http.ErrorFormat;
import io.llmfleet.simulator.http.Exchanges;
import io.llmfleet.simulator.http.Reply;
import io.llmfleet.simulator.http.Router;

/**
 * The routes of the simulated vLLM server, following vLLM's OpenAI-compatible server:
 * {@code POST /v1/chat/completions}, {@code GET /v1/models}, {@code GET /health} and
 * {@code GET /metrics}, plus the simulator's own {@code /admin/faults}. Errors use vLLM's
 * body
 * ({@code {"object":"error","message":...,"type":"NotFoundError","param":null,"code":404}});
 * unknown paths get FastAPI's {@code {"detail":"Not Found"}}.
 */
public final class VllmServer {

	private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

	private VllmServer() {
	}

	/**
	 * Builds the router of one simulated vLLM server with its own metrics and the faults
	 * the settings start with.
	 * @param settings the models, context window, latency, default answer length and
	 * faults
	 * @return the router to serve
	 */
	public static Router router(SimulatorSettings settings) {
		SimulatorFaults faults = newFaults();
		faults.set(settings.vllmFaults());
		return router(settings, faults);
	}

	/**
	 * Builds the router of one simulated vLLM server with its own metrics.
	 * @param settings the models, context window, latency and default answer length
	 * @param faults the faults the server injects, changed at run time
	 * @return the router to serve
	 */
	public static Router router(SimulatorSettings settings, SimulatorFaults faults) {
		ServedModels models = new ServedModels(settings.vllmModels(), settings.maxModelLen());
		VllmMetrics metrics = new VllmMetrics(settings.vllmModels(), settings.maxModelLen());
		TextGenerator generator = new TextGenerator(settings.defaultMaxTokens());
		Router router = new Router("vllm", new VllmErrors());
		router.route("POST", "/v1/chat/completions",
				new ChatCompletionsRoute(models, generator, settings.latency(), metrics, faults));
		router.route("GET", "/v1/models",
				(exchange) -> Exchanges.sendJson(exchange, 200, VllmApi.MAPPER, models.list()));
		router.route("GET", "/health", (exchange) -> Exchanges.send(exchange, new Reply(200, Reply.TEXT, new byte[0])));
		router.route("GET", "/metrics", (exchange) -> Exchanges.send(exchange,
				new Reply(200, PROMETHEUS_TEXT, metrics.render().getBytes(StandardCharsets.UTF_8))));
		FaultAdmin.register(router, faults);
		return router;
	}

	/**
	 * An empty fault set that matches served model names exactly, as vLLM does.
	 * @return the fault set
	 */
	public static SimulatorFaults newFaults() {
		return new SimulatorFaults("vllm");
	}

	/** vLLM's error wording, with the OpenAI error type that matches each status. */
	private static final class VllmErrors implements ErrorFormat {

		@Override
		public Reply error(int status, String message) {
			return new Reply(status, Reply.JSON, VllmApi.MAPPER.writeValueAsBytes(VllmApi.Error.of(status, message)));
		}

		@Override
		public Reply unknownRoute(String method, String path, boolean pathKnown) {
			VllmApi.Detail detail = new VllmApi.Detail(pathKnown ? "Method Not Allowed" : "Not Found");
			return new Reply(pathKnown ? 405 : 404, Reply.JSON, VllmApi.MAPPER.writeValueAsBytes(detail));
		}

	}

}
