package io.llmfleet.worker.vllm.api;

/**
 * What the worker reads from vLLM's Prometheus {@code GET /metrics}: requests running and
 * waiting, summed over every {@code model_name} and engine, and KV-cache usage, the
 * highest of them. vLLM renamed {@code vllm:gpu_cache_usage_perc} to
 * {@code vllm:kv_cache_usage_perc}; the new name wins where both are exposed.
 *
 * @param running {@code vllm:num_requests_running}; null when absent
 * @param waiting {@code vllm:num_requests_waiting}; null when absent
 * @param kvCacheUsage KV-cache usage, 0..1; null when absent
 */
public record VllmMetrics(Integer running, Integer waiting, Double kvCacheUsage) {

	/** No metric of interest was exposed. */
	public static final VllmMetrics NONE = new VllmMetrics(null, null, null);

	private static final String RUNNING = "vllm:num_requests_running";

	private static final String WAITING = "vllm:num_requests_waiting";

	private static final String KV_CACHE = "vllm:kv_cache_usage_perc";

	private static final String GPU_CACHE = "vllm:gpu_cache_usage_perc";

	/**
	 * Reads the metrics of interest from a page in the Prometheus text format (0.0.4 or
	 * OpenMetrics): samples {@code name{labels} value [timestamp]}; comments, other
	 * metrics and non-finite values are skipped.
	 * @param text the page
	 * @return the metrics found
	 */
	public static VllmMetrics parse(String text) {
		Double running = null;
		Double waiting = null;
		Double kvCache = null;
		Double gpuCache = null;
		for (String raw : text.split("\n")) {
			String line = raw.strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int nameEnd = nameEnd(line);
			String name = line.substring(0, nameEnd);
			if (!name.equals(RUNNING) && !name.equals(WAITING) && !name.equals(KV_CACHE) && !name.equals(GPU_CACHE)) {
				continue;
			}
			Double value = value(line, nameEnd);
			if (value == null) {
				continue;
			}
			switch (name) {
				case RUNNING -> running = sum(running, value);
				case WAITING -> waiting = sum(waiting, value);
				case KV_CACHE -> kvCache = max(kvCache, value);
				default -> gpuCache = max(gpuCache, value);
			}
		}
		return new VllmMetrics(count(running), count(waiting), (kvCache != null) ? kvCache : gpuCache);
	}

	private static int nameEnd(String line) {
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '{' || c == ' ' || c == '\t') {
				return i;
			}
		}
		return line.length();
	}

	// the value follows the labels, whose quoted values may hold '}' and spaces
	private static Double value(String line, int nameEnd) {
		int at = nameEnd;
		if (at < line.length() && line.charAt(at) == '{') {
			boolean quoted = false;
			for (at++; at < line.length(); at++) {
				char c = line.charAt(at);
				if (quoted && c == '\\') {
					at++;
				}
				else if (c == '"') {
					quoted = !quoted;
				}
				else if (!quoted && c == '}') {
					break;
				}
			}
			at++;
		}
		if (at >= line.length()) {
			return null;
		}
		String[] rest = line.substring(at).strip().split("[ \t]+");
		try {
			double value = Double.parseDouble(rest[0]);
			return Double.isFinite(value) ? value : null;
		}
		catch (NumberFormatException ex) {
			// +Inf, -Inf and malformed samples say nothing about load
			return null;
		}
	}

	private static Double sum(Double total, double value) {
		return (total != null) ? total + value : value;
	}

	private static Double max(Double highest, double value) {
		return (highest != null) ? Math.max(highest, value) : value;
	}

	private static Integer count(Double value) {
		return (value != null) ? (int) Math.round(value) : null;
	}

}
