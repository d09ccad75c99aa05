/**
 * Batch jobs: many requests under one batch id, submitted with bounded in-flight, results
 * as they arrive, resumable after a crash, collectable later from anywhere.
 */
package io.llmfleet.client.batch;
