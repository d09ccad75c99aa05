/**
 * What every HTTP backend shares: a streamed exchange bounded by one timeout, the
 * exception a failed exchange ends in, and the classification of transport failures and
 * status codes that each backend's own classifier falls back to.
 */
package io.llmfleet.worker.backend.http;
