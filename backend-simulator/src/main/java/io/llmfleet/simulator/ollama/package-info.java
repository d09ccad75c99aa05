/**
 * A simulated Ollama server: {@code /api/chat}, {@code /api/generate}, {@code /api/tags},
 * {@code /api/ps} and the root probe, with Ollama's field names, NDJSON streaming and
 * errors.
 */
package io.llmfleet.simulator.ollama;
