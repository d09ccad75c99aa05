/**
 * vLLM's OpenAI-compatible HTTP API as this worker uses it: a streaming
 * {@code /v1/chat/completions} client, the {@code /health} probe, {@code /v1/models} and
 * the Prometheus {@code /metrics} page for its status, and records that mirror the JSON.
 */
package io.llmfleet.worker.vllm.api;
