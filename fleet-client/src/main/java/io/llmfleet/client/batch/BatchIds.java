package io.llmfleet.client.batch;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Names in a batch: batch ids, the request id of each item (a name-based UUID of batch id
 * and {@code custom_id}, so submitting an item again yields the same id and never new
 * work), and the metadata keys a batch's requests carry.
 */
public final class BatchIds {

	/** Request metadata: the item's {@code custom_id}. */
	public static final String CUSTOM_ID = "custom_id";

	/** Request metadata: the item's position in the batch input, from 0. */
	public static final String SEQUENCE = "batch_seq";

	/**
	 * Topic-safe, since the batch's reply topic is named after it; 200 characters leave
	 * room for a prefix within Kafka's 249.
	 */
	private static final Pattern VALID = Pattern.compile("[a-zA-Z0-9._-]{1,200}");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private static final SecureRandom RANDOM = new SecureRandom();

	private BatchIds() {
	}

	/** The request id of the item {@code customId} of batch {@code batchId}. */
	public static String requestId(String batchId, String customId) {
		// The separator cannot occur in a batch id, so ("a", "b.c") and ("a.b", "c")
		// differ.
		String name = "llm-fleet-batch\u0000" + batchId + "\u0000" + customId;
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
	}

	/**
	 * {@code batchId}, checked.
	 * @throws IllegalArgumentException quoting the id, when it is not topic-safe
	 */
	public static String requireValid(String batchId) {
		if (batchId == null || !VALID.matcher(batchId).matches()) {
			throw new IllegalArgumentException("Batch id '" + batchId
					+ "' must be 1 to 200 letters, digits, '.', '_' or '-': it names the batch's reply topic");
		}
		return batchId;
	}

	/** A fresh batch id: {@code batch-<local date-time>-<6 random hex digits>}. */
	public static String newBatchId() {
		byte[] random = new byte[3];
		RANDOM.nextBytes(random);
		return "batch-" + STAMP.format(LocalDateTime.now()) + "-" + HexFormat.of().formatHex(random);
	}

}
