/**
 * The worker runtime: one consumer per served model that polls without pause and hands
 * each record to one of a bounded set of slots, pausing while they are all busy; retries
 * of transient failures; exactly one result or dead letter per record before its offset
 * is committed, in order; one routing outcome per finished attempt; warm-up, graceful
 * shutdown, and the wiring of capacity reporting.
 */
package io.llmfleet.worker.runtime;
