/**
 * What the outcomes of finished attempts say about each model: its circuit breaker, its
 * expected latency and the requests routed to it that have not finished yet.
 */
package io.llmfleet.dispatcher.health;
