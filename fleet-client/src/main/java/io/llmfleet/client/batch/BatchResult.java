package io.llmfleet.client.batch;

import io.llmfleet.schemas.InferenceResult;

/**
 * The result of one batch item, or why there is none.
 *
 * @param customId the item's {@code custom_id}
 * @param sequence the item's position in the batch input, from 0
 * @param requestId the request id the batch gave it
 * @param result the fleet's result; null when none arrived
 * @param failure why no result arrived (its deadline passed); null when one did
 */
public record BatchResult(String customId, long sequence, String requestId, InferenceResult result, String failure) {

}
