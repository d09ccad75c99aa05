/**
 * OpenAI-Batch-style JSONL in, one result line per input line out, with a summary per
 * tier.
 */
package io.llmfleet.cli.batch;
