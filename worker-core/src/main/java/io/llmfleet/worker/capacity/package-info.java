/**
 * Capacity reporting: the GPU read through NVML (bound with JNA) or a static budget, the
 * calls in flight per model, and the heartbeat that writes both, with the backend's own
 * status, to the capacity topic.
 */
package io.llmfleet.worker.capacity;
