package io.llmfleet.worker.vllm.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VllmMetricsTests {

	@Test
	void aV0PageGivesRunningWaitingAndGpuCacheUsage() {
		String page = """
				# HELP vllm:num_requests_running Number of requests currently running on GPU.
				# TYPE vllm:num_requests_running gauge
				vllm:num_requests_running{model_name="meta-llama/Llama-3.1-8B-Instruct"} 3.0
				# HELP vllm:num_requests_waiting Number of requests waiting to be processed.
				# TYPE vllm:num_requests_waiting gauge
				vllm:num_requests_waiting{model_name="meta-llama/Llama-3.1-8B-Instruct"} 1.0
				# HELP vllm:gpu_cache_usage_perc GPU KV-cache usage. 1 means 100 percent usage.
				# TYPE vllm:gpu_cache_usage_perc gauge
				vllm:gpu_cache_usage_perc{model_name="meta-llama/Llama-3.1-8B-Instruct"} 0.4215
				vllm:prompt_tokens_total{model_name="meta-llama/Llama-3.1-8B-Instruct"} 12345.0
				""";

		assertThat(VllmMetrics.parse(page)).isEqualTo(new VllmMetrics(3, 1, 0.4215));
	}

	@Test
	void theNewKvCacheNameWinsOverTheOldOneAndEnginesAddUp() {
		String page = """
				vllm:num_requests_running{engine="0",model_name="Qwen/Qwen2.5-7B-Instruct"} 2.0
				vllm:num_requests_running{engine="1",model_name="Qwen/Qwen2.5-7B-Instruct"} 1.0
				vllm:num_requests_waiting{engine="0",model_name="Qwen/Qwen2.5-7B-Instruct"} 0.0
				vllm:num_requests_waiting{engine="1",model_name="Qwen/Qwen2.5-7B-Instruct"} 4.0
				vllm:gpu_cache_usage_perc{engine="0",model_name="Qwen/Qwen2.5-7B-Instruct"} 0.9
				vllm:kv_cache_usage_perc{engine="0",model_name="Qwen/Qwen2.5-7B-Instruct"} 0.25
				vllm:kv_cache_usage_perc{engine="1",model_name="Qwen/Qwen2.5-7B-Instruct"} 0.5
				""";

		assertThat(VllmMetrics.parse(page)).isEqualTo(new VllmMetrics(3, 4, 0.5));
	}

	@Test
	void quotedLabelValuesMayHoldBracesSpacesAndEscapedQuotes() {
		String page = "vllm:num_requests_running{model_name=\"odd } name \\\" x\"} 7 1712345678000\n"
				+ "vllm:num_requests_waiting 2\r\n";

		assertThat(VllmMetrics.parse(page)).isEqualTo(new VllmMetrics(7, 2, null));
	}

	@Test
	void nonFiniteAndMalformedSamplesAreSkipped() {
		String page = """
				vllm:num_requests_running{model_name="m"} NaN
				vllm:num_requests_waiting{model_name="m"} +Inf
				vllm:kv_cache_usage_perc{model_name="m"}
				vllm:gpu_cache_usage_perc{model_name="m"} 0.1
				""";

		assertThat(VllmMetrics.parse(page)).isEqualTo(new VllmMetrics(null, null, 0.1));
	}

	@Test
	void aPageWithoutTheseMetricsSaysNothing() {
		assertThat(VllmMetrics.parse("# EOF\nprocess_cpu_seconds_total 1.5\n")).isEqualTo(VllmMetrics.NONE);
		assertThat(VllmMetrics.parse("")).isEqualTo(VllmMetrics.NONE);
	}

}
