package io.llmfleet.simulator.vllm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.llmfleet.simulator.FinishReason;

/**
 * Live scheduler state and counters per served model, rendered in Prometheus text format
 * under vLLM's metric names, labelled {@code model_name} and {@code engine} (always
 * {@code "0"}: one engine core per server) as vLLM's V1 engine labels them. Each model
 * runs at most {@value #MAX_NUM_SEQS} requests at once (vLLM's {@code --max-num-seqs});
 * the rest wait, so {@code vllm:num_requests_waiting} rises under real overload.
 * Thread-safe.
 */
final class VllmMetrics {

	/** Requests one model runs concurrently before new ones wait. */
	static final int MAX_NUM_SEQS = 256;

	// KV cache size in tokens, as a multiple of the context window: an estimate, not a
	// GPU figure
	private static final int KV_CACHE_WINDOWS = 16;

	private final Map<String, ModelState> models = new LinkedHashMap<>();

	VllmMetrics(List<String> modelNames, int maxModelLen) {
		for (String name : modelNames) {
			this.models.put(name, new ModelState((long) maxModelLen * KV_CACHE_WINDOWS));
		}
	}

	/**
	 * Waits for a free sequence slot, then counts the request as running until it is
	 * closed.
	 * @param model a served model name
	 * @param promptTokens tokens of the prompt
	 * @param completionTokens tokens the answer will have
	 * @return the running request; close it when the reply is done or abandoned
	 * @throws InterruptedException when the simulator stops while the request waits
	 */
	Running admit(String model, int promptTokens, int completionTokens) throws InterruptedException {
		ModelState state = this.models.get(model);
		state.waiting.incrementAndGet();
		try {
			state.slots.acquire();
		}
		finally {
			state.waiting.decrementAndGet();
		}
		state.running.incrementAndGet();
		state.promptTokens.addAndGet(promptTokens);
		state.kvTokens.addAndGet(promptTokens + completionTokens);
		return new Running(state, promptTokens + completionTokens);
	}

	/**
	 * The {@code /metrics} body.
	 * @return Prometheus text exposition format 0.0.4
	 */
	String render() {
		PrometheusText text = new PrometheusText();
		text.family("vllm:num_requests_running", "gauge", "Number of requests in model execution batches.");
		this.models.forEach((model, state) -> text.sample("vllm:num_requests_running", model, state.running.get()));
		text.family("vllm:num_requests_waiting", "gauge", "Number of requests waiting to be processed.");
		this.models.forEach((model, state) -> text.sample("vllm:num_requests_waiting", model, state.waiting.get()));
		text.family("vllm:kv_cache_usage_perc", "gauge", "KV-cache usage. 1 means 100 percent usage.");
		this.models.forEach((model, state) -> text.sample("vllm:kv_cache_usage_perc", model, state.kvUsage()));
		text.family("vllm:gpu_cache_usage_perc", "gauge", "GPU KV-cache usage. 1 means 100 percent usage.");
		this.models.forEach((model, state) -> text.sample("vllm:gpu_cache_usage_perc", model, state.kvUsage()));
		text.family("vllm:prompt_tokens_total", "counter", "Number of prefill tokens processed.");
		this.models.forEach((model, state) -> text.sample("vllm:prompt_tokens_total", model, state.promptTokens.get()));
		text.family("vllm:generation_tokens_total", "counter", "Number of generation tokens processed.");
		this.models.forEach(
				(model, state) -> text.sample("vllm:generation_tokens_total", model, state.generationTokens.get()));
		text.family("vllm:request_success_total", "counter", "Count of successfully processed requests.");
		this.models.forEach((model, state) -> {
			text.sample("vllm:request_success_total", model, "finished_reason", "stop", state.stopped.get());
			text.sample("vllm:request_success_total", model, "finished_reason", "length", state.truncated.get());
		});
		return text.toString();
	}

	/** One admitted request; closing it frees its slot and its share of the KV cache. */
	static final class Running implements AutoCloseable {

		private final ModelState state;

		private final int kvTokens;

		private boolean closed;

		private Running(ModelState state, int kvTokens) {
			this.state = state;
			this.kvTokens = kvTokens;
		}

		void generated(int tokens) {
			this.state.generationTokens.addAndGet(tokens);
		}

		void finished(FinishReason reason) {
			((reason == FinishReason.LENGTH) ? this.state.truncated : this.state.stopped).incrementAndGet();
		}

		@Override
		public void close() {
			if (!this.closed) {
				this.closed = true;
				this.state.kvTokens.addAndGet(-this.kvTokens);
				this.state.running.decrementAndGet();
				this.state.slots.release();
			}
		}

	}

	private static final class ModelState {

		final Semaphore slots = new Semaphore(MAX_NUM_SEQS, true);

		final AtomicInteger running = new AtomicInteger();

		final AtomicInteger waiting = new AtomicInteger();

		final AtomicLong kvTokens = new AtomicLong();

		final AtomicLong promptTokens = new AtomicLong();

		final AtomicLong generationTokens = new AtomicLong();

		final AtomicLong stopped = new AtomicLong();

		final AtomicLong truncated = new AtomicLong();

		final long kvCapacity;

		ModelState(long kvCapacity) {
			this.kvCapacity = kvCapacity;
		}

		double kvUsage() {
			return Math.min(1.0, (double) this.kvTokens.get() / this.kvCapacity);
		}

	}

	/** Builds the text format: HELP and TYPE once per family, then its samples. */
	private static final class PrometheusText {

		private final StringBuilder text = new StringBuilder();

		void family(String name, String type, String help) {
			this.text.append("# HELP ").append(name).append(' ').append(help).append('\n');
			this.text.append("# TYPE ").append(name).append(' ').append(type).append('\n');
		}

		void sample(String name, String model, double value) {
			this.text.append(name).append('{').append(labels(model)).append("} ");
			this.text.append(Double.toString(value)).append('\n');
		}

		void sample(String name, String model, String label, String labelValue, double value) {
			this.text.append(name).append('{').append(labels(model)).append(',');
			this.text.append(label).append("=\"").append(escape(labelValue)).append("\"} ");
			this.text.append(Double.toString(value)).append('\n');
		}

		// prometheus_client writes labels in the order vLLM declares them
		private static String labels(String model) {
			return "model_name=\"" + escape(model) + "\",engine=\"0\"";
		}

		private static String escape(String value) {
			return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
