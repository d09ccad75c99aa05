package io.llmfleet.client.batch;

/**
 * What one submission of a batch did.
 *
 * @param items items in the input
 * @param answeredBefore items whose result was already on the reply topic: not submitted
 * again
 * @param pendingBefore items already on the requests topic without a result yet: not
 * submitted again, only awaited
 * @param submitted items submitted by this call
 * @param delivered results handed to the caller (attached runs; 0 when detached)
 * @param withoutResult items whose deadline passed without a result (attached runs)
 */
public record BatchSummary(int items, int answeredBefore, int pendingBefore, int submitted, int delivered,
		int withoutResult) {

}
