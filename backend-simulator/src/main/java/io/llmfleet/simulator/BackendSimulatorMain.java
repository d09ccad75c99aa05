package io.llmfleet.simulator;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator as a standalone process until interrupted, for demos and for
 * pointing a worker at it by hand. Prints plainly that the backends are simulated.
 * Options:
 * {@code --ollama-port 11434 --vllm-port 8000 --ollama-models a,b --vllm-models c
 * --ttft-ms 150 --tokens-per-second 60 --max-tokens 48 --max-model-len 8192 --instant}.
 */
public final class BackendSimulatorMain {

	private static final String USAGE = """
			Usage: backend-simulator [options]
			  --ollama-port N          port of the simulated Ollama (default 11434, 0 = any free port)
			  --vllm-port N            port of the simulated vLLM (default 8000, 0 = any free port)
			  --ollama-models a,b      models the simulated Ollama serves
			  --vllm-models c,d        models the simulated vLLM serves
			  --ttft-ms N              time to first token in milliseconds (default 150)
			  --tokens-per-second X    decode rate after the first token (default 60, Infinity = no delay)
			  --instant                no delays at all (same as --ttft-ms 0 --tokens-per-second Infinity)
			  --max-tokens N           length of answers nothing cuts short (default 48)
			  --max-model-len N        context window of the vLLM models (default 8192)
			""";

	private BackendSimulatorMain() {
	}

	public static void main(String[] args) throws InterruptedException {
		SimulatorSettings settings;
		try {
			settings = parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println("backend-simulator: " + ex.getMessage());
			System.err.print(USAGE);
			System.exit(2);
			return;
		}
		BackendSimulator simulator = BackendSimulator.start(settings);
		CountDownLatch stopped = new CountDownLatch(1);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			simulator.close();
			stopped.countDown();
		}, "backend-simulator-shutdown"));
		System.out.println("SIMULATOR - these are NOT real LLM backends; answers are made-up placeholder text.");
		System.out.println("  Simulated Ollama: " + simulator.ollamaBaseUrl() + "  models " + settings.ollamaModels());
		System.out.println("  Simulated vLLM:   " + simulator.vllmBaseUrl() + "/v1  models " + settings.vllmModels()
				+ ", max-model-len " + settings.maxModelLen());
		System.out.println("  Latency: " + settings.latency().timeToFirstToken().toMillis() + " ms to first token, "
				+ settings.latency().tokensPerSecond() + " tokens/s; " + settings.defaultMaxTokens()
				+ " tokens per answer. Ctrl-C stops.");
		stopped.await();
	}

	/**
	 * Reads the command line into settings, starting from the defaults on the standard
	 * ports.
	 * @param args the command line
	 * @return the settings
	 * @throws IllegalArgumentException for an unknown option or a bad value, quoting it
	 */
	static SimulatorSettings parse(String[] args) {
		SimulatorSettings settings = SimulatorSettings.defaults().withOllamaPort(11434).withVllmPort(8000);
		LatencyModel latency = settings.latency();
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (option.equals("--instant")) {
				latency = LatencyModel.instant();
				continue;
			}
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException("missing value after " + option);
			}
			String value = args[++i];
			switch (option) {
				case "--ollama-port" -> settings = settings.withOllamaPort(integer(option, value));
				case "--vllm-port" -> settings = settings.withVllmPort(integer(option, value));
				case "--ollama-models" -> settings = settings.withOllamaModels(list(value));
				case "--vllm-models" -> settings = settings.withVllmModels(list(value));
				case "--ttft-ms" ->
					latency = new LatencyModel(Duration.ofMillis(integer(option, value)), latency.tokensPerSecond());
				case "--tokens-per-second" ->
					latency = new LatencyModel(latency.timeToFirstToken(), number(option, value));
				case "--max-tokens" -> settings = settings.withDefaultMaxTokens(integer(option, value));
				case "--max-model-len" -> settings = settings.withMaxModelLen(integer(option, value));
				default -> throw new IllegalArgumentException("unknown option " + option);
			}
		}
		return settings.withLatency(latency);
	}

	private static int integer(String option, String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a whole number but got \"" + value + "\"");
		}
	}

	private static double number(String option, String value) {
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " needs a number but got \"" + value + "\"");
		}
	}

	private static List<String> list(String value) {
		return Arrays.stream(value.split(",")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
	}

}
