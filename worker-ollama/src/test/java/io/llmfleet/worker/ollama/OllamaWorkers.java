package io.llmfleet.worker.ollama;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

import org.springframework.context.ConfigurableApplicationContext;

import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.worker.it.SharedKafka.Kafka;

/**
 * Starts the Ollama worker application as {@code main} does, against the shared broker
 * and a simulated Ollama, serving one model {@value #MODEL} ({@value #BACKEND_MODEL})
 * with topics under a prefix of the test's own, and writes routed requests to it.
 */
final class OllamaWorkers {

	static final String MODEL = "llama3.2-3b";

	static final String BACKEND_MODEL = "llama3.2:3b";

	static final int CONTEXT_LENGTH = 16384;

	private OllamaWorkers() {
	}

	/**
	 * Starts a worker; later settings win.
	 * @param kafka the broker and registry
	 * @param prefix the topic prefix, unique to the test
	 * @param workerId the worker id
	 * @param ollama the simulated Ollama
	 * @param settings more {@code --key=value} settings
	 * @return the running worker
	 */
	static ConfigurableApplicationContext start(Kafka kafka, String prefix, String workerId, URI ollama,
			String... settings) {
		List<String> args = new ArrayList<>(List.of("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
				"--spring.kafka.properties.schema.registry.url=" + kafka.registryUrl(), "--spring.main.banner-mode=off",
				"--spring.main.register-shutdown-hook=false", "--fleet.topics.prefix=" + prefix,
				"--fleet.topics.partitions=1", "--fleet.topics.model-partitions=1",
				"--fleet.catalog.tiers[0].name=fast", "--fleet.catalog.models[0].id=" + MODEL,
				"--fleet.catalog.models[0].backend=ollama", "--fleet.catalog.models[0].backend-model=" + BACKEND_MODEL,
				"--fleet.catalog.models[0].tier=fast", "--fleet.catalog.models[0].vram=3GB",
				"--fleet.catalog.models[0].context-length=" + CONTEXT_LENGTH, "--fleet.ollama.base-url=" + ollama,
				"--fleet.worker.id=" + workerId, "--fleet.worker.gpu.nvml=false", "--CUDA_VISIBLE_DEVICES=0"));
		args.addAll(List.of(settings));
		// a key given twice would bind as a list: the later setting wins
		Map<String, String> byKey = new LinkedHashMap<>();
		for (String arg : args) {
			byKey.put(arg.substring(0, arg.indexOf('=')), arg);
		}
		return OllamaWorkerApplication.builder().run(byKey.values().toArray(String[]::new));
	}

	/**
	 * Writes a routed request for {@value #MODEL}.
	 * @param producer the producer
	 * @param prefix the topic prefix
	 * @param requestId the request id
	 */
	static void send(KafkaProducer<String, RoutedRequest> producer, String prefix, String requestId) throws Exception {
		producer.send(new ProducerRecord<>(prefix + "model." + MODEL, requestId, routed(requestId, prefix))).get();
	}

	/** A request routed to {@link #MODEL}, replying to {@code prefix}results. */
	static RoutedRequest routed(String requestId, String prefix) {
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId(requestId)
			.setReplyTo(prefix + "results")
			.setMessages(List.of(new ChatMessage("user", "Why is the sky blue?")))
			.setCreatedAt(Instant.now())
			.build();
		return RoutedRequest.newBuilder()
			.setRequest(request)
			.setClassification(
					Classification.newBuilder().setTier("fast").setConfidence(0.7).setClassifier("test@1").build())
			.setModelId(MODEL)
			.setTier("fast")
			.setRoutedAt(Instant.now())
			.build();
	}

}
