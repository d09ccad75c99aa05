/**
 * Starts simulated Ollama and vLLM servers and holds what both share: settings, the
 * latency model and deterministic text generation with its token counting.
 */
package io.llmfleet.simulator;
