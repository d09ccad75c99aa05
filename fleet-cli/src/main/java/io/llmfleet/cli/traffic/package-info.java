/**
 * Recorded traffic: requests joined with their classification and final outcome, read
 * from the fleet's topics and kept as JSONL for replay.
 */
package io.llmfleet.cli.traffic;
