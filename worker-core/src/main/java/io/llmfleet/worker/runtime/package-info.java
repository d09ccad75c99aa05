/**
 * The worker runtime: one consumer group per served model, bounded in-flight calls,
 * retries of transient failures, and exactly one result or dead letter per record before
 * its offset is committed.
 */
package io.llmfleet.worker.runtime;
