/**
 * The worker runtime: one consumer group per served model, bounded in-flight calls,
 * retries of transient failures, exactly one result or dead letter per record before its
 * offset is committed, one routing outcome per finished attempt, and the wiring of
 * capacity reporting.
 */
package io.llmfleet.worker.runtime;
