package io.llmfleet.cli.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;

import io.llmfleet.client.FleetClient;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.serde.ConfluentWireFormat;

/**
 * The requests the bench sends: short prompts of the kind batch jobs send, across the
 * three default tiers (some go through the learned model, some through a strong-signal
 * rule, one through language detection), and their serialized size, which the raw chain's
 * payloads copy.
 */
public final class BenchPrompts {

	/**
	 * Prompts in the demo batch's style; the fleet and the raw chain use them in turn.
	 */
	public static final List<String> PROMPTS = List.of("What is the capital of Australia?",
			"Write a Python function that checks whether a string is a palindrome.",
			"Prove that there are infinitely many prime numbers.", "Translate 'good morning' into Spanish.",
			"Fix this bug:\n```js\nfor (var i = 0; i < 5; i++) { setTimeout(() => console.log(i)); }\n```\n"
					+ "It prints 5 five times.",
			"Compare and contrast the economic policies of Keynes and Hayek, and evaluate their relevance today.",
			"Give me three synonyms for happy.",
			"Explain what this SQL does: SELECT dept, COUNT(*) FROM staff GROUP BY dept HAVING COUNT(*) > 10;",
			"How many days are in a leap year?", "Summarise the plot of Cinderella in one sentence.",
			"Wie spät ist es gerade in Tokio, wenn es in Berlin 9 Uhr morgens ist?",
			"Convert 25 degrees Celsius to Fahrenheit.");

	private BenchPrompts() {
	}

	/**
	 * A request as {@link FleetClient#submit} sends it: a fresh id, the default reply
	 * topic, created now with a five-minute deadline.
	 * @param prompt the user message
	 * @return the request
	 */
	public static InferenceRequest request(String prompt) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		return FleetClient.request(prompt)
			.setRequestId(UUID.randomUUID().toString())
			.setReplyTo("fleet.results")
			.setCreatedAt(now)
			.setDeadlineAt(now.plus(Duration.ofMinutes(5)))
			.build();
	}

	/**
	 * The Confluent wire bytes of {@code request}: magic byte, a schema id, Avro binary.
	 * @param request the request
	 * @return what a Confluent serializer would write for it
	 */
	public static byte[] serialized(InferenceRequest request) {
		try {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			out.write(ByteBuffer.allocate(ConfluentWireFormat.HEADER_SIZE)
				.put(ConfluentWireFormat.MAGIC_BYTE)
				.putInt(1)
				.array());
			BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
			new SpecificDatumWriter<>(InferenceRequest.class).write(request, encoder);
			encoder.flush();
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The serialized requests of every prompt, in order: the raw chain's payloads. */
	public static List<byte[]> payloads() {
		return PROMPTS.stream().map((prompt) -> serialized(request(prompt))).toList();
	}

}
