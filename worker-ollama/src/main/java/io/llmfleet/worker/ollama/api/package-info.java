/**
 * Ollama's HTTP API as this worker uses it: a streaming {@code /api/chat} client, the
 * reachability probe and records that mirror Ollama's JSON.
 */
package io.llmfleet.worker.ollama.api;
