package io.llmfleet.client.batch;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;

/**
 * One item of a batch input. The batch replaces the request's {@code request_id},
 * {@code batch_id}, {@code reply_to} and {@code created_at}, and adds {@code custom_id}
 * and {@code batch_seq} to its metadata; everything else (messages, model pin, tier hint,
 * options, deadline, tenant) is sent as given.
 *
 * @param customId the caller's id of the item, unique in the batch: results are matched
 * to it
 * @param request the request
 */
public record BatchItem(String customId, InferenceRequest request) {

	public BatchItem {
		Objects.requireNonNull(request, "request");
		if (customId == null || customId.isBlank()) {
			throw new IllegalArgumentException("A batch item needs a non-blank custom_id");
		}
	}

	/** An item with one user message. */
	public static BatchItem prompt(String customId, String prompt) {
		return new BatchItem(customId,
				InferenceRequest.newBuilder()
					.setRequestId(customId)
					.setMessages(List.of(new ChatMessage("user", prompt)))
					.setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
					.build());
	}

}
