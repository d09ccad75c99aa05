package io.llmfleet.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.llmfleet.simulator.fault.Fault;
import io.llmfleet.simulator.fault.FaultJson;

/**
 * Runs the simulator as a standalone process until interrupted, for demos and for
 * pointing a worker at it by hand. Prints plainly that the backends are simulated.
 * Options:
 * {@code --ollama-port 11434 --vllm-port 8000 --ollama-models a,b --vllm-models c
 * --ttft-ms 150 --tokens-per-second 60 --max-tokens 48 --max-model-len 8192 --instant
 * --load-ms 2000 --model-vram llama3.2:3b=3.2GB --ollama-fault error,status=503,times=2
 * --vllm-fault disconnect,after_chunks=3}.
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
			  --load-ms N              time the simulated Ollama takes to load a model (default 0)
			  --model-vram NAME=SIZE   VRAM of a loaded Ollama model, e.g. llama3.2:3b=3.2GB (repeatable)
			  --ollama-fault SPEC      fault the simulated Ollama starts with (repeatable)
			  --vllm-fault SPEC        fault the simulated vLLM starts with (repeatable)
			SPEC is KIND[,FIELD=VALUE...] or the JSON of POST /admin/faults, e.g.
			  error,status=503,rate=0.5,times=10,model=llama3.2:3b   out_of_memory   overloaded
			  slow_load,delay_ms=5000   hang   disconnect,after_chunks=3
			Faults change at run time through GET/POST/PUT/DELETE /admin/faults on each server.
			""";

	private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([KMG]i?B|B)?",
			Pattern.CASE_INSENSITIVE);

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
				+ " tokens per answer; Ollama loads a model in " + settings.ollamaLoadTime().toMillis() + " ms.");
		if (!settings.ollamaFaults().isEmpty() || !settings.vllmFaults().isEmpty()) {
			System.out
				.println("  Injected faults: Ollama " + settings.ollamaFaults() + ", vLLM " + settings.vllmFaults());
		}
		System.out.println("  Faults: GET/POST/PUT/DELETE <server>/admin/faults. Ctrl-C stops.");
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
		List<Fault> ollamaFaults = new ArrayList<>();
		List<Fault> vllmFaults = new ArrayList<>();
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
				case "--load-ms" -> settings = settings.withOllamaLoadTime(Duration.ofMillis(integer(option, value)));
				case "--model-vram" -> settings = modelVram(settings, value);
				case "--ollama-fault" -> ollamaFaults.add(FaultJson.parse(value));
				case "--vllm-fault" -> vllmFaults.add(FaultJson.parse(value));
				default -> throw new IllegalArgumentException("unknown option " + option);
			}
		}
		return settings.withLatency(latency).withOllamaFaults(ollamaFaults).withVllmFaults(vllmFaults);
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

	private static SimulatorSettings modelVram(SimulatorSettings settings, String value) {
		int equals = value.lastIndexOf('=');
		if (equals < 1) {
			throw new IllegalArgumentException("--model-vram needs NAME=SIZE but got \"" + value + "\"");
		}
		return settings.withModelVram(value.substring(0, equals).trim(), bytes(value.substring(equals + 1)));
	}

	/**
	 * Reads a size such as {@code 5000000000}, {@code 4.7GB} or {@code 3GiB}.
	 * @param value the size
	 * @return bytes
	 */
	static long bytes(String value) {
		Matcher size = SIZE.matcher(value.trim());
		if (!size.matches()) {
			throw new IllegalArgumentException(
					"--model-vram needs a size such as 4.7GB or 3GiB but got \"" + value + "\"");
		}
		String suffix = (size.group(2) != null) ? size.group(2).toUpperCase(Locale.ROOT) : "B";
		double unit = switch (suffix) {
			case "KB" -> 1e3;
			case "MB" -> 1e6;
			case "GB" -> 1e9;
			case "KIB" -> 1024.0;
			case "MIB" -> 1024.0 * 1024;
			case "GIB" -> 1024.0 * 1024 * 1024;
			default -> 1;
		};
		return Math.round(Double.parseDouble(size.group(1)) * unit);
	}

	private static List<String> list(String value) {
		return Arrays.stream(value.split(",")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
	}

}
