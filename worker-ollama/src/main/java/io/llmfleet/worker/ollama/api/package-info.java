/**
 * Ollama's HTTP API as this worker uses it: a streaming {@code /api/chat} client, the
 * reachability probe, {@code /api/ps} for the loaded models, and records that mirror
 * Ollama's JSON.
 */
package io.llmfleet.worker.ollama.api;
