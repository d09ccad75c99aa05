package io.llmfleet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.avro.Schema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.RoutingOutcome;
import io.llmfleet.schemas.registry.RestSchemaRegistryClient;
import io.llmfleet.schemas.serde.SubjectNameStrategy;
import io.llmfleet.cli.local.FleetConfiguration;
import io.llmfleet.core.topic.FleetTopics;

/**
 * {@code fleet schemas}: writes the Avro schema of every fleet record as {@code .avsc},
 * for clients in other languages, and optionally registers the two a client uses under
 * the default topics' subjects, so Confluent serializers can write with
 * {@code use.latest.version}.
 */
@Command(name = "schemas", mixinStandardHelpOptions = true,
		description = "Write the fleet's Avro schemas as .avsc files; optionally register the client-facing ones.")
class SchemasCommand implements Callable<Integer> {

	/** Every record that travels on a fleet topic. */
	static final List<Schema> RECORDS = List.of(InferenceRequest.getClassSchema(), InferenceResult.getClassSchema(),
			ClassifiedRequest.getClassSchema(), RoutedRequest.getClassSchema(), DeadLetter.getClassSchema(),
			CapacityReport.getClassSchema(), RoutingOutcome.getClassSchema());

	@Option(names = "--out", defaultValue = "schemas-avsc", description = "Directory (default: ${DEFAULT-VALUE})")
	Path out;

	@Option(names = "--registry",
			description = "Also register InferenceRequest and InferenceResult under the requests and results topics' subjects in this registry")
	String registry;

	@Override
	public Integer call() throws Exception {
		Files.createDirectories(this.out);
		for (Schema schema : RECORDS) {
			Path file = this.out.resolve(schema.getName() + ".avsc");
			Files.writeString(file, schema.toString(true));
			System.out.println(file);
		}
		if (this.registry != null) {
			RestSchemaRegistryClient client = new RestSchemaRegistryClient(this.registry);
			FleetTopics topics = FleetConfiguration.defaults().topics();
			for (Map.Entry<String, Schema> topic : Map
				.of(topics.requests(), InferenceRequest.getClassSchema(), topics.results(),
						InferenceResult.getClassSchema())
				.entrySet()) {
				String subject = SubjectNameStrategy.TOPIC.subject(topic.getKey(), false, topic.getValue());
				System.out.println(subject + " -> id " + client.register(subject, topic.getValue()));
			}
		}
		return 0;
	}

}
