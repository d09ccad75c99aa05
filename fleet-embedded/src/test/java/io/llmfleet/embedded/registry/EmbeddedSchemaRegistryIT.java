package io.llmfleet.embedded.registry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.Map;

import io.llmfleet.embedded.kafka.EmbeddedKafkaBroker;
import io.llmfleet.schemas.registry.RestSchemaRegistryClient;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(SharedBroker.class)
class EmbeddedSchemaRegistryIT {

	private static final String SCHEMA_TOPIC = "_schemas_it";

	private static final String RESTART_TOPIC = "_schemas_restart_it";

	private static final String DELETES_TOPIC = "_schemas_deletes_it";

	private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

	private static final String V2_ADDED_WITH_DEFAULT = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
			+ "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\",\"default\":1}]}";

	private static final String V2_ADDED_WITHOUT_DEFAULT = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
			+ "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\"}]}";

	private static EmbeddedKafkaBroker broker;

	private static EmbeddedSchemaRegistry registry;

	private final HttpClient http = HttpClient.newHttpClient();

	@BeforeAll
	static void start(EmbeddedKafkaBroker sharedBroker) {
		broker = sharedBroker;
		registry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0, SCHEMA_TOPIC);
	}

	@AfterAll
	static void stop() {
		registry.close();
	}

	@Test
	void urlIsLoopbackWithTheBoundPort() {
		assertThat(registry.url()).matches("http://127\\.0\\.0\\.1:\\d+").doesNotEndWith(":0");
	}

	@Test
	void onlyAvroIsOffered() {
		assertThat(call(registry, "GET", "/schemas/types", null, 200).toString()).isEqualTo("[\"AVRO\"]");
	}

	@Test
	void registeredSchemaIsFoundByLookupIdAndVersion() {
		int id = register(registry, "register-value", V1).path("id").asInt();

		JsonNode found = call(registry, "POST", "/subjects/register-value", schemaBody(V1), 200);
		assertThat(found.path("subject").asString()).isEqualTo("register-value");
		assertThat(found.path("id").asInt()).isEqualTo(id);
		assertThat(found.path("version").asInt()).isEqualTo(1);
		assertThat(new Schema.Parser().parse(found.path("schema").asString())).isEqualTo(new Schema.Parser().parse(V1));

		assertThat(call(registry, "GET", "/schemas/ids/" + id, null, 200).path("schema").asString())
			.isEqualTo(found.path("schema").asString());
		assertThat(call(registry, "GET", "/subjects", null, 200).toString()).contains("\"register-value\"");
		assertThat(call(registry, "GET", "/subjects/register-value/versions", null, 200).toString()).isEqualTo("[1]");
		assertThat(call(registry, "GET", "/subjects/register-value/versions/latest", null, 200)).isEqualTo(found);
		assertThat(call(registry, "GET", "/subjects/register-value/versions/1", null, 200)).isEqualTo(found);
		assertThat(call(registry, "GET", "/schemas/ids/" + id + "/versions", null, 200).toString())
			.contains("{\"subject\":\"register-value\",\"version\":1}");
	}

	@Test
	void sameSchemaGetsTheSameIdAcrossSubjects() {
		int first = register(registry, "same-a-value", V1).path("id").asInt();
		int second = register(registry, "same-b-value", "  " + V1.replace(":", " : ")).path("id").asInt();
		assertThat(second).isEqualTo(first);
		assertThat(register(registry, "same-a-value", V1).path("id").asInt()).isEqualTo(first);
		assertThat(call(registry, "GET", "/subjects/same-a-value/versions", null, 200).toString()).isEqualTo("[1]");
	}

	@Test
	void backwardRejectsAnIncompatibleChangeWith409AndAcceptsAFieldWithADefault() {
		register(registry, "evolve-value", V1);

		JsonNode rejected = call(registry, "POST", "/subjects/evolve-value/versions",
				schemaBody(V2_ADDED_WITHOUT_DEFAULT), 409);
		assertThat(rejected.path("error_code").asInt()).isEqualTo(409);
		assertThat(rejected.path("message").asString()).contains("incompatible");

		JsonNode accepted = register(registry, "evolve-value", V2_ADDED_WITH_DEFAULT);
		assertThat(accepted.path("id").asInt()).isPositive();
		assertThat(call(registry, "GET", "/subjects/evolve-value/versions", null, 200).toString()).isEqualTo("[1,2]");
	}

	@Test
	void compatibilityEndpointAnswersWithoutRegistering() {
		register(registry, "check-value", V1);
		assertThat(call(registry, "POST", "/compatibility/subjects/check-value/versions/latest",
				schemaBody(V2_ADDED_WITH_DEFAULT), 200)
			.path("is_compatible")
			.asBoolean()).isTrue();
		assertThat(call(registry, "POST", "/compatibility/subjects/check-value/versions/1",
				schemaBody(V2_ADDED_WITHOUT_DEFAULT), 200)
			.path("is_compatible")
			.asBoolean()).isFalse();
		assertThat(call(registry, "GET", "/subjects/check-value/versions", null, 200).toString()).isEqualTo("[1]");
	}

	@Test
	void compatibilityLevelsAreReadAndSetGloballyAndPerSubject() {
		assertThat(call(registry, "GET", "/config", null, 200).path("compatibilityLevel").asString())
			.isEqualTo("BACKWARD");
		assertThat(call(registry, "GET", "/config/config-value", null, 404).path("error_code").asInt())
			.isEqualTo(40408);
		assertThat(
				call(registry, "GET", "/config/config-value?defaultToGlobal=true", null, 200).path("compatibilityLevel")
					.asString())
			.isEqualTo("BACKWARD");

		assertThat(
				call(registry, "PUT", "/config/config-value", "{\"compatibility\":\"FULL\"}", 200).path("compatibility")
					.asString())
			.isEqualTo("FULL");
		assertThat(call(registry, "GET", "/config/config-value", null, 200).path("compatibilityLevel").asString())
			.isEqualTo("FULL");

		try {
			call(registry, "PUT", "/config", "{\"compatibility\":\"FORWARD_TRANSITIVE\"}", 200);
			assertThat(call(registry, "GET", "/config", null, 200).path("compatibilityLevel").asString())
				.isEqualTo("FORWARD_TRANSITIVE");
		}
		finally {
			call(registry, "PUT", "/config", "{\"compatibility\":\"BACKWARD\"}", 200);
		}
		assertThat(
				call(registry, "PUT", "/config", "{\"compatibility\":\"SOMETIMES\"}", 422).path("error_code").asInt())
			.isEqualTo(42203);
	}

	@Test
	void errorsCarryConfluentErrorCodes() {
		register(registry, "errors-value", V1);
		assertThat(errorCode("POST", "/subjects/no-such-subject", schemaBody(V1), 404)).isEqualTo(40401);
		assertThat(errorCode("GET", "/subjects/no-such-subject/versions", null, 404)).isEqualTo(40401);
		assertThat(errorCode("POST", "/subjects/errors-value", schemaBody(V2_ADDED_WITH_DEFAULT), 404))
			.isEqualTo(40403);
		assertThat(errorCode("GET", "/schemas/ids/999999", null, 404)).isEqualTo(40403);
		assertThat(errorCode("GET", "/subjects/errors-value/versions/7", null, 404)).isEqualTo(40402);
		assertThat(errorCode("GET", "/subjects/errors-value/versions/zero", null, 422)).isEqualTo(42202);
		assertThat(errorCode("POST", "/subjects/errors-value/versions", schemaBody("{\"type\":\"recrod\"}"), 422))
			.isEqualTo(42201);
		assertThat(errorCode("POST", "/subjects/errors-value/versions",
				"{\"schema\":\"" + V1.replace("\"", "\\\"") + "\",\"schemaType\":\"PROTOBUF\"}", 422))
			.isEqualTo(42201);
		assertThat(errorCode("GET", "/no/such/path", null, 404)).isEqualTo(404);
		assertThat(errorCode("DELETE", "/subjects", null, 405)).isEqualTo(405);
	}

	@Test
	void idsSurviveARegistryRestartOnTheSameTopic() {
		int firstId;
		try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0, RESTART_TOPIC)) {
			firstId = register(first, "durable-value", V1).path("id").asInt();
			register(first, "durable-value", V2_ADDED_WITH_DEFAULT);
			call(first, "PUT", "/config/durable-value", "{\"compatibility\":\"NONE\"}", 200);
		}
		try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0,
				RESTART_TOPIC)) {
			assertThat(new Schema.Parser()
				.parse(call(second, "GET", "/schemas/ids/" + firstId, null, 200).path("schema").asString()))
				.isEqualTo(new Schema.Parser().parse(V1));
			assertThat(register(second, "durable-value", V1).path("id").asInt()).isEqualTo(firstId);
			assertThat(call(second, "GET", "/subjects/durable-value/versions", null, 200).toString())
				.isEqualTo("[1,2]");
			assertThat(call(second, "GET", "/config/durable-value", null, 200).path("compatibilityLevel").asString())
				.isEqualTo("NONE");
			int newId = register(second, "other-value", "\"string\"").path("id").asInt();
			assertThat(newId).isEqualTo(firstId + 2);
		}
	}

	@Test
	void deletesAndRemovedLevelsSurviveARegistryRestart() {
		int v1Id;
		try (EmbeddedSchemaRegistry first = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0, DELETES_TOPIC)) {
			v1Id = register(first, "kept-value", V1).path("id").asInt();
			register(first, "kept-value", V2_ADDED_WITH_DEFAULT);
			assertThat(call(first, "DELETE", "/subjects/kept-value/versions/1", null, 200).asInt()).isEqualTo(1);
			register(first, "gone-value", "\"string\"");
			call(first, "PUT", "/config/gone-value", "{\"compatibility\":\"NONE\"}", 200);
			call(first, "DELETE", "/subjects/gone-value", null, 200);
			assertThat(call(first, "DELETE", "/subjects/gone-value?permanent=true", null, 200).toString())
				.isEqualTo("[1]");
		}
		try (EmbeddedSchemaRegistry second = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0,
				DELETES_TOPIC)) {
			assertThat(call(second, "GET", "/subjects/kept-value/versions", null, 200).toString()).isEqualTo("[2]");
			assertThat(call(second, "GET", "/subjects/kept-value/versions?deleted=true", null, 200).toString())
				.isEqualTo("[1,2]");
			assertThat(call(second, "GET", "/subjects?deleted=true", null, 200).toString())
				.isEqualTo("[\"kept-value\"]");
			assertThat(call(second, "GET", "/schemas/ids/" + v1Id, null, 200).path("schema").asString())
				.contains("Order");
			assertThat(call(second, "GET", "/config/gone-value", null, 404).path("error_code").asInt())
				.isEqualTo(40408);
			// A soft-deleted schema comes back as a new version with its old id.
			assertThat(register(second, "kept-value", V1).path("id").asInt()).isEqualTo(v1Id);
			assertThat(call(second, "GET", "/subjects/kept-value/versions", null, 200).toString()).isEqualTo("[2,3]");
		}
	}

	@Test
	void queryParametersOfConfluentClientsAreDecodedAndHonoured() {
		int id = register(registry, "query-value", V1).path("id").asInt();
		call(registry, "DELETE", "/subjects/query-value/versions/latest", null, 200);

		assertThat(call(registry, "GET", "/subjects/query-value/versions/1?deleted=true&format=", null, 200).path("id")
			.asInt()).isEqualTo(id);
		assertThat(call(registry, "GET", "/schemas/ids/" + id + "?subject=query-value&fetchMaxId=true", null, 200)
			.path("maxId")
			.asInt()).isGreaterThanOrEqualTo(id);
		assertThat(call(registry, "POST", "/subjects/query-value?normalize=false&deleted=true", schemaBody(V1), 200)
			.path("version")
			.asInt()).isEqualTo(1);
	}

	@Test
	void theSchemasModuleClientWorksAgainstIt() {
		RestSchemaRegistryClient client = new RestSchemaRegistryClient(registry.url());
		Schema schema = new Schema.Parser().parse(V1.replace("Order", "ClientOrder"));
		int id = client.register("client-value", schema);
		// Fresh clients: each caches what it has seen and would not ask again.
		assertThat(new RestSchemaRegistryClient(registry.url()).lookup("client-value", schema)).isEqualTo(id);
		assertThat(new RestSchemaRegistryClient(registry.url()).getById(id)).isEqualTo(schema);
	}

	private int errorCode(String method, String path, String body, int status) {
		return call(registry, method, path, body, status).path("error_code").asInt();
	}

	private JsonNode register(EmbeddedSchemaRegistry target, String subject, String schema) {
		return call(target, "POST", "/subjects/" + subject + "/versions", schemaBody(schema), 200);
	}

	private static String schemaBody(String schema) {
		return JSON.writeValueAsString(Map.of("schema", schema));
	}

	/**
	 * Sends a request, checks the status and the content type, and returns the JSON body.
	 */
	private JsonNode call(EmbeddedSchemaRegistry target, String method, String path, String body, int status) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target.url() + path))
			.header("Accept", CONTENT_TYPE)
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", CONTENT_TYPE);
		}
		try {
			var response = this.http.send(request.build(), BodyHandlers.ofString());
			assertThat(response.statusCode()).as("%s %s -> %s", method, path, response.body()).isEqualTo(status);
			assertThat(response.headers().firstValue("Content-Type")).contains(CONTENT_TYPE);
			return JSON.readTree(response.body());
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + path + " interrupted", ex);
		}
	}

}
