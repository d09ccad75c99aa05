/**
 * A simulated vLLM server: the OpenAI-compatible {@code /v1/chat/completions} and
 * {@code /v1/models}, {@code /health} and Prometheus {@code /metrics} with vLLM's metric
 * names.
 */
package io.llmfleet.simulator.vllm;
