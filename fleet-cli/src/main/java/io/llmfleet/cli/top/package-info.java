/**
 * {@code fleet top}: a live terminal view of workers, per-model queue depth and the last
 * minute's tier mix and error rates, read from the fleet's topics and consumer groups.
 */
package io.llmfleet.cli.top;
