package io.llmfleet.simulator.ollama;

import io.llmfleet.simulator.SimulatorSettings;
import io.llmfleet.simulator.TextGenerator;
import io.llmfleet.simulator.fault.FaultAdmin;
import io.llmfleet.simulator.fault.SimulatorFaults;
import io.llmfleet.simulator.http.ErrorFormat;
import io.llmfleet.simulator.http.Exchanges;
import io.llmfleet.simulator.http.Reply;
import io.llmfleet.simulator.http.Router;

/**
 * The routes of the simulated Ollama server, following Ollama's {@code docs/api.md}:
 * {@code GET|HEAD /} ("Ollama is running", the probe clients use),
 * {@code POST /api/chat}, {@code POST /api/generate}, {@code GET /api/tags} and
 * {@code GET /api/ps}, plus the simulator's own {@code /admin/faults}. Errors are
 * {@code {"error": "..."}}; unknown paths get Ollama's plain-text 404.
 */
public final class OllamaServer {

	private OllamaServer() {
	}

	/**
	 * Builds the router of one simulated Ollama server with its own model state and the
	 * faults the settings start with.
	 * @param settings the models, load time, latency, default answer length and faults
	 * @return the router to serve
	 */
	public static Router router(SimulatorSettings settings) {
		SimulatorFaults faults = newFaults();
		faults.set(settings.ollamaFaults());
		return router(settings, faults);
	}

	/**
	 * Builds the router of one simulated Ollama server with its own model state.
	 * @param settings the models, load time, latency and default answer length
	 * @param faults the faults the server injects, changed at run time
	 * @return the router to serve
	 */
	public static Router router(SimulatorSettings settings, SimulatorFaults faults) {
		OllamaModels models = new OllamaModels(settings.ollamaModels(), settings.modelVram(),
				settings.ollamaLoadTime());
		TextGenerator generator = new TextGenerator(settings.defaultMaxTokens());
		Router router = new Router("ollama", new OllamaErrors());
		router.route("GET", "/", (exchange) -> Exchanges.send(exchange, Reply.text(200, "Ollama is running")));
		router.route("HEAD", "/", (exchange) -> Exchanges.send(exchange, Reply.text(200, "Ollama is running")));
		router.route("POST", "/api/chat", new InferenceRoute(models, generator, settings.latency(), faults,
				OllamaRequest::chat, ReplyShape.CHAT));
		router.route("POST", "/api/generate", new InferenceRoute(models, generator, settings.latency(), faults,
				OllamaRequest::generate, ReplyShape.GENERATE));
		router.route("GET", "/api/tags",
				(exchange) -> Exchanges.sendJson(exchange, 200, OllamaApi.MAPPER, models.tags()));
		router.route("GET", "/api/ps",
				(exchange) -> Exchanges.sendJson(exchange, 200, OllamaApi.MAPPER, models.running()));
		FaultAdmin.register(router, faults);
		return router;
	}

	/**
	 * An empty fault set that matches model names as Ollama does ({@code llama3.2} is
	 * {@code llama3.2:latest}).
	 * @return the fault set
	 */
	public static SimulatorFaults newFaults() {
		return new SimulatorFaults("ollama", ModelCard::canonical);
	}

	/**
	 * Ollama's error wording: a JSON {@code error} field, and gin's text 404 for unknown
	 * paths.
	 */
	private static final class OllamaErrors implements ErrorFormat {

		@Override
		public Reply error(int status, String message) {
			return new Reply(status, Reply.JSON, OllamaApi.MAPPER.writeValueAsBytes(new OllamaApi.Error(message)));
		}

		@Override
		public Reply unknownRoute(String method, String path, boolean pathKnown) {
			// gin, Ollama's router, answers a wrong method like an unknown path
			return Reply.text(404, "404 page not found");
		}

	}

}
