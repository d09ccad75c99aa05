package io.llmfleet.deploy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validates {@code docker-compose.yml} against the Compose Specification's JSON schema
 * (see {@code src/test/resources/compose-spec/README.md}), which is what {@code docker
 * compose config} would check where the compose plugin is installed.
 */
class ComposeSchemaTests {

	private static final Schema SCHEMA = loadSchema();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void composeFileConformsToTheComposeSpecification() {
		assertThat(validate(ComposeFile.load().document())).isEmpty();
	}

	@Test
	void schemaRejectsAnUnknownServiceKey() {
		Map<String, Object> compose = copy(ComposeFile.load().document());
		Nodes.map(Nodes.at(compose, "services", "kafka")).put("gpu", "all");
		assertThat(validate(compose)).anySatisfy((error) -> assertThat(error).contains("gpu"));
	}

	@Test
	void schemaRejectsNumericGpuDeviceIds() {
		// device_ids: [0] instead of ["0"]: the mistake the quotes in the file avoid
		Map<String, Object> compose = copy(ComposeFile.load().document());
		Map<String, Object> device = Nodes
			.maps(Nodes.at(compose, "services", "ollama", "deploy", "resources", "reservations", "devices"))
			.get(0);
		device.put("device_ids", List.of(0));
		assertThat(validate(compose)).anySatisfy((error) -> assertThat(error).contains("device_ids"));
	}

	private static List<String> validate(Map<String, Object> compose) {
		JsonNode document = JSON.valueToTree(compose);
		return SCHEMA.validate(document).stream().map(Error::toString).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> copy(Map<String, Object> document) {
		return (Map<String, Object>) deepCopy(document);
	}

	private static Object deepCopy(Object node) {
		if (node instanceof Map<?, ?> map) {
			Map<String, Object> copy = new LinkedHashMap<>();
			map.forEach((key, value) -> copy.put(key.toString(), deepCopy(value)));
			return copy;
		}
		if (node instanceof List<?> list) {
			return new java.util.ArrayList<>(list.stream().map(ComposeSchemaTests::deepCopy).toList());
		}
		return node;
	}

	private static Schema loadSchema() {
		// draft-07 plus the "deprecated" annotation the schema uses on obsolete keys
		Dialect dialect = Dialect.builder(Dialects.getDraft7()).keyword(new NonValidationKeyword("deprecated")).build();
		// an absolute location, against which the schema's relative $id resolves
		return SchemaRegistry.withDefaultDialect(dialect)
			.getSchema(SchemaLocation.of("classpath:compose-spec/compose-spec.json"));
	}

}
