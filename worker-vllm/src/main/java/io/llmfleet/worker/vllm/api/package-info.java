/**
 * vLLM's OpenAI-compatible HTTP API as this worker uses it: a streaming
 * {@code /v1/chat/completions} client, the {@code /health} probe and records that mirror
 * the JSON.
 */
package io.llmfleet.worker.vllm.api;
