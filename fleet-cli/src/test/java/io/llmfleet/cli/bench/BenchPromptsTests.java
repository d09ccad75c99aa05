package io.llmfleet.cli.bench;

import java.nio.ByteBuffer;

import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

import io.llmfleet.schemas.InferenceRequest;

import static org.assertj.core.api.Assertions.assertThat;

class BenchPromptsTests {

	@Test
	void payloadsAreTheRequestsInConfluentWireFormat() throws Exception {
		assertThat(BenchPrompts.payloads()).hasSameSizeAs(BenchPrompts.PROMPTS);
		byte[] payload = BenchPrompts.payloads().get(0);
		ByteBuffer buffer = ByteBuffer.wrap(payload);
		assertThat(buffer.get()).isZero();
		assertThat(buffer.getInt()).isEqualTo(1);
		InferenceRequest request = new SpecificDatumReader<>(InferenceRequest.class).read(null,
				DecoderFactory.get().binaryDecoder(payload, 5, payload.length - 5, null));
		assertThat(request.getMessages().get(0).getContent()).isEqualTo(BenchPrompts.PROMPTS.get(0));
		assertThat(request.getReplyTo()).isEqualTo("fleet.results");
		assertThat(request.getDeadlineAt()).isAfter(request.getCreatedAt());
	}

}
