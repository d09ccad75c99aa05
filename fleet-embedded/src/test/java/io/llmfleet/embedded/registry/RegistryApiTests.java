package io.llmfleet.embedded.registry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The REST resources without HTTP or a broker: paths, query parameters, answer shapes and
 * error codes as Confluent's clients see them.
 */
class RegistryApiTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String V1 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}";

	private static final String V2 = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"},"
			+ "{\"name\":\"qty\",\"type\":\"int\",\"default\":1}]}";

	private static final String V2_REQUIRED = "{\"type\":\"record\",\"name\":\"Order\",\"fields\":["
			+ "{\"name\":\"id\",\"type\":\"string\"},{\"name\":\"qty\",\"type\":\"int\"}]}";

	private final List<RegistryRecord> log = new ArrayList<>();

	private final RegistryApi api = new RegistryApi(new SchemaStore(this.log::add));

	@Test
	void schemaByIdHasNoSchemaTypeForAvroAndAddsMaxIdOnRequest() {
		int id = register("orders-value", V1);
		register("orders-value", V2);

		JsonNode plain = call("GET", "/schemas/ids/" + id + "?subject=orders-value&format=resolved", null);
		assertThat(plain.propertyNames()).containsExactly("schema");
		assertThat(call("GET", "/schemas/ids/" + id + "?fetchMaxId=true", null).path("maxId").asInt())
			.isEqualTo(id + 1);
		assertThat(call("GET", "/schemas/ids/" + id + "/schema", null).path("name").asString()).isEqualTo("Order");
	}

	@Test
	void registerAndLookupTolerateNormalizeAndAnswerInConfluentsShape() {
		int id = register("orders-value?normalize=true", V1);

		JsonNode found = call("POST", "/subjects/orders-value?normalize=true", body(V1));
		assertThat(found.propertyNames()).containsExactly("subject", "version", "id", "schema");
		assertThat(found.path("id").asInt()).isEqualTo(id);
		assertThat(call("POST", "/subjects/orders-value/versions", body(V1)).propertyNames()).containsExactly("id");
	}

	@Test
	void softDeletedVersionsAreListedOnlyWhenAskedFor() {
		register("orders-value", V1);
		register("orders-value", V2);

		assertThat(call("DELETE", "/subjects/orders-value/versions/1", null).asInt()).isEqualTo(1);

		assertThat(call("GET", "/subjects/orders-value/versions", null)).hasToString("[2]");
		assertThat(call("GET", "/subjects/orders-value/versions?deleted=true", null)).hasToString("[1,2]");
		assertThat(call("GET", "/subjects/orders-value/versions?deletedOnly=true", null)).hasToString("[1]");
		assertThat(errorCode("GET", "/subjects/orders-value/versions/1", null)).isEqualTo(40402);
		assertThat(call("GET", "/subjects/orders-value/versions/1?deleted=true", null).path("version").asInt())
			.isEqualTo(1);
		assertThat(errorCode("POST", "/subjects/orders-value", body(V1))).isEqualTo(40403);
		assertThat(call("POST", "/subjects/orders-value?deleted=true", body(V1)).path("version").asInt()).isEqualTo(1);
		assertThat(call("POST", "/subjects/orders-value?lookupDeletedSchema=true", body(V1)).path("version").asInt())
			.isEqualTo(1);
		assertThat(call("GET", "/schemas/ids/1/versions", null)).hasToString("[]");
		assertThat(call("GET", "/schemas/ids/1/versions?deleted=true", null))
			.hasToString("[{\"subject\":\"orders-value\",\"version\":1}]");
	}

	@Test
	void subjectsAreSoftThenHardDeletedWithConfluentsErrorCodes() {
		register("orders-value", V1);
		register("users-value", V1);

		assertThat(errorCode("DELETE", "/subjects/orders-value/versions/1?permanent=true", null)).isEqualTo(40407);
		assertThat(errorCode("DELETE", "/subjects/orders-value?permanent=true", null)).isEqualTo(40405);
		assertThat(call("DELETE", "/subjects/orders-value", null)).hasToString("[1]");
		assertThat(errorCode("DELETE", "/subjects/orders-value", null)).isEqualTo(40404);
		assertThat(errorCode("DELETE", "/subjects/orders-value/versions/1", null)).isEqualTo(40406);
		assertThat(call("GET", "/subjects", null)).hasToString("[\"users-value\"]");
		assertThat(call("GET", "/subjects?deleted=true", null)).hasToString("[\"orders-value\",\"users-value\"]");
		assertThat(call("GET", "/subjects?deletedOnly=true", null)).hasToString("[\"orders-value\"]");
		assertThat(errorCode("GET", "/subjects/orders-value/versions", null)).isEqualTo(40401);

		assertThat(call("DELETE", "/subjects/orders-value?permanent=true", null)).hasToString("[1]");
		assertThat(call("GET", "/subjects?deleted=true", null)).hasToString("[\"users-value\"]");
		assertThat(errorCode("DELETE", "/subjects/orders-value", null)).isEqualTo(40401);
	}

	@Test
	void theLatestVersionCanBeDeletedByName() {
		register("orders-value", V1);
		register("orders-value", V2);

		assertThat(call("DELETE", "/subjects/orders-value/versions/latest", null).asInt()).isEqualTo(2);
		assertThat(call("GET", "/subjects/orders-value/versions/latest", null).path("version").asInt()).isEqualTo(1);
	}

	@Test
	void anIncompatibleSchemaIs409NamingTheField() {
		register("orders-value", V1);

		RegistryException refused = error("POST", "/subjects/orders-value/versions", body(V2_REQUIRED));

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.errorCode()).isEqualTo(409);
		assertThat(refused.getMessage()).contains("incompatible with an earlier schema for subject \"orders-value\"")
			.contains("field: 'qty'")
			.contains("READER_FIELD_MISSING_DEFAULT_VALUE");
	}

	@Test
	void compatibilityChecksAnswerVerboselyAndNeedAnExistingVersion() {
		register("orders-value", V1);

		JsonNode verbose = call("POST", "/compatibility/subjects/orders-value/versions/latest?verbose=true",
				body(V2_REQUIRED));
		assertThat(verbose.path("is_compatible").asBoolean()).isFalse();
		assertThat(verbose.path("messages").get(0).asString()).contains("field: 'qty'");
		assertThat(call("POST", "/compatibility/subjects/new-value/versions", body(V2_REQUIRED)).path("is_compatible")
			.asBoolean()).isTrue();
		assertThat(errorCode("POST", "/compatibility/subjects/new-value/versions/latest", body(V1))).isEqualTo(40401);
	}

	@Test
	void configIsSetReadAndDeletedGloballyAndPerSubject() {
		register("orders-value", V1);

		assertThat(call("PUT", "/config/orders-value", "{\"compatibility\":\"FULL_TRANSITIVE\"}"))
			.hasToString("{\"compatibility\":\"FULL_TRANSITIVE\"}");
		assertThat(call("PUT", "/config/orders-value", "{\"normalize\":true}")).hasToString("{}");
		assertThat(call("DELETE", "/config/orders-value", null).path("compatibilityLevel").asString())
			.isEqualTo("FULL_TRANSITIVE");
		assertThat(errorCode("GET", "/config/orders-value", null)).isEqualTo(40408);
		assertThat(call("GET", "/config/orders-value?defaultToGlobal=true", null).path("compatibilityLevel").asString())
			.isEqualTo("BACKWARD");
		call("PUT", "/config", "{\"compatibility\":\"NONE\"}");
		assertThat(call("DELETE", "/config", null).path("compatibilityLevel").asString()).isEqualTo("NONE");
		assertThat(call("GET", "/config", null).path("compatibilityLevel").asString()).isEqualTo("BACKWARD");
		assertThat(errorCode("PUT", "/config", "{\"compatibility\":\"SOMETIMES\"}")).isEqualTo(42203);
	}

	@Test
	void modeIsAlwaysReadWrite() {
		assertThat(call("GET", "/mode", null)).hasToString("{\"mode\":\"READWRITE\"}");
		assertThat(call("GET", "/mode/orders-value?defaultToGlobal=true", null).path("mode").asString())
			.isEqualTo("READWRITE");
		assertThat(call("PUT", "/mode", "{\"mode\":\"READWRITE\"}").path("mode").asString()).isEqualTo("READWRITE");
		assertThat(errorCode("PUT", "/mode/orders-value", "{\"mode\":\"IMPORT\"}")).isEqualTo(42204);
	}

	@Test
	void smallerPathsConfluentClientsCallAnswer() {
		register("orders-value", V1);
		register("orders-value", V2);

		assertThat(call("GET", "/contexts", null)).hasToString("[\".\"]");
		assertThat(call("GET", "/schemas/types", null)).hasToString("[\"AVRO\"]");
		assertThat(call("GET", "/subjects/orders-value/versions/1/referencedby", null)).hasToString("[]");
		assertThat(call("GET", "/schemas?subjectPrefix=orders&latestOnly=true", null)).hasSize(1);
		assertThat(call("GET", "/schemas", null)).hasSize(2);
		assertThat(call("GET", "/subjects?subjectPrefix=users", null)).isEmpty();
		assertThat(call("GET", "/schemas/ids/2/subjects", null)).hasToString("[\"orders-value\"]");
	}

	@Test
	void errorsCarryConfluentsCodes() {
		register("orders-value", V1);

		assertThat(errorCode("GET", "/subjects/orders-value/versions/0", null)).isEqualTo(42202);
		assertThat(errorCode("GET", "/subjects/orders-value/versions/3", null)).isEqualTo(40402);
		assertThat(errorCode("GET", "/schemas/ids/77", null)).isEqualTo(40403);
		assertThat(errorCode("POST", "/subjects/orders-value/versions", body("{\"type\":\"recrod\"}")))
			.isEqualTo(42201);
		assertThat(errorCode("POST", "/subjects/orders-value/versions",
				"{\"schema\":\"\\\"string\\\"\",\"schemaType\":\"JSON\"}"))
			.isEqualTo(42201);
		assertThat(errorCode("PATCH", "/subjects", null)).isEqualTo(405);
		assertThat(errorCode("GET", "/nothing", null)).isEqualTo(404);
	}

	@Test
	void aStoreThatCannotWriteIs50001() {
		RegistryApi broken = new RegistryApi(new SchemaStore((record) -> {
			throw RegistryException.storeFailed("writing to topic _schemas", new IllegalStateException("broker down"));
		}));

		RegistryException error = errorFrom(broken, "POST", "/subjects/orders-value/versions", body(V1));

		assertThat(error.status()).isEqualTo(500);
		assertThat(error.errorCode()).isEqualTo(50001);
		assertThat(error.getMessage()).contains("broker down");
	}

	private int register(String subjectAndQuery, String schema) {
		String[] parts = subjectAndQuery.split("\\?", 2);
		String path = "/subjects/" + parts[0] + "/versions" + ((parts.length == 2) ? "?" + parts[1] : "");
		return call("POST", path, body(schema)).path("id").asInt();
	}

	private static String body(String schema) {
		return JSON.writeValueAsString(Map.of("schema", schema));
	}

	private JsonNode call(String method, String pathAndQuery, String body) {
		return this.api.handle(request(method, pathAndQuery, body));
	}

	private int errorCode(String method, String pathAndQuery, String body) {
		return error(method, pathAndQuery, body).errorCode();
	}

	private RegistryException error(String method, String pathAndQuery, String body) {
		return errorFrom(this.api, method, pathAndQuery, body);
	}

	private static RegistryException errorFrom(RegistryApi api, String method, String pathAndQuery, String body) {
		try {
			JsonNode answer = api.handle(request(method, pathAndQuery, body));
			throw new AssertionError(method + " " + pathAndQuery + " answered " + answer);
		}
		catch (RegistryException ex) {
			return ex;
		}
	}

	private static RegistryRequest request(String method, String pathAndQuery, String body) {
		String[] parts = pathAndQuery.split("\\?", 2);
		Map<String, String> query = new HashMap<>();
		if (parts.length == 2) {
			for (String pair : parts[1].split("&")) {
				String[] nameValue = pair.split("=", 2);
				query.put(nameValue[0], (nameValue.length == 2) ? nameValue[1] : "");
			}
		}
		List<String> segments = Arrays.stream(parts[0].split("/")).filter((s) -> !s.isEmpty()).toList();
		return new RegistryRequest(method, parts[0], segments, query,
				(body != null) ? JSON.readTree(body) : MissingNode.getInstance());
	}

}
