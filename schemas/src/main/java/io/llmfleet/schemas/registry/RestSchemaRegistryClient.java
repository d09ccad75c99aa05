package io.llmfleet.schemas.registry;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, with caches
 * of ids by subject and schema and of schemas by id. Works against a Confluent Schema
 * Registry and against the fleet's embedded one, over HTTP or HTTPS (mutual TLS
 * included), with basic auth, failing over between URLs and retrying what may pass as
 * {@link RegistryClientConfig} says.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final RegistryHttp http;

	private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

	private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

	/** A client for one URL with Confluent's default retries and no TLS settings. */
	public RestSchemaRegistryClient(String baseUrl) {
		this(RegistryClientConfig.of(baseUrl));
	}

	public RestSchemaRegistryClient(String baseUrl, Duration requestTimeout) {
		this(RegistryClientConfig.of(baseUrl).withRequestTimeout(requestTimeout));
	}

	public RestSchemaRegistryClient(RegistryClientConfig config) {
		this.http = new RegistryHttp(config);
	}

	/**
	 * A client configured from Kafka client properties under Confluent's names.
	 * @throws ConfigException when a setting is missing or wrong
	 */
	public static RestSchemaRegistryClient fromConfigs(Map<String, ?> configs) {
		return new RestSchemaRegistryClient(RegistryClientConfig.from(configs));
	}

	@Override
	public int register(String subject, Schema schema) {
		return cachedId(subject, schema, "/versions");
	}

	@Override
	public int lookup(String subject, Schema schema) {
		return cachedId(subject, schema, "");
	}

	@Override
	public Schema getById(int id) {
		Schema cached = this.schemasById.get(id);
		if (cached != null) {
			return cached;
		}
		JsonNode body = this.http.get("schemas/ids/" + id);
		Schema schema = parse(body.path("schema"), "schemas/ids/" + id);
		Schema raced = this.schemasById.putIfAbsent(id, schema);
		return (raced != null) ? raced : schema;
	}

	@Override
	public RegisteredSchema latest(String subject) {
		String path = "subjects/" + encode(subject) + "/versions/latest";
		JsonNode body = this.http.get(path);
		RegisteredSchema latest = new RegisteredSchema(subject, idOf(body, path), body.path("version").asInt(),
				parse(body.path("schema"), path));
		this.schemasById.putIfAbsent(latest.id(), latest.schema());
		return latest;
	}

	/**
	 * The registered subjects: also how a health check sees that the registry answers.
	 */
	public List<String> subjects() {
		List<String> subjects = new ArrayList<>();
		this.http.get("subjects").forEach((subject) -> subjects.add(subject.asString()));
		return subjects;
	}

	/**
	 * Asks the registry once per subject and schema. The call happens outside any map
	 * lock: a registry that is down holds up only the callers that need it.
	 */
	private int cachedId(String subject, Schema schema, String pathSuffix) {
		SubjectSchema key = new SubjectSchema(subject, schema);
		Integer cached = this.idsBySubjectSchema.get(key);
		if (cached != null) {
			return cached;
		}
		JsonNode body = this.http.post("subjects/" + encode(subject) + pathSuffix,
				JSON.writeValueAsString(Map.of("schema", schema.toString())));
		int id = idOf(body, "subjects/" + subject + pathSuffix);
		this.schemasById.putIfAbsent(id, schema);
		this.idsBySubjectSchema.putIfAbsent(key, id);
		return id;
	}

	private int idOf(JsonNode body, String path) {
		if (!body.path("id").isInt()) {
			throw new SchemaRegistryException(200, 200,
					path + " on " + this.http.baseUrl() + " answered without a numeric \"id\": " + body);
		}
		return body.path("id").asInt();
	}

	private Schema parse(JsonNode schema, String path) {
		if (!schema.isString()) {
			throw new SchemaRegistryException(200, 200,
					"GET " + path + " on " + this.http.baseUrl() + " answered without a \"schema\" string");
		}
		return new Schema.Parser().parse(schema.asString());
	}

	/** Percent-encodes a subject as one path segment ({@code +} would mean a plus). */
	private static String encode(String subject) {
		return URLEncoder.encode(subject, StandardCharsets.UTF_8).replace("+", "%20");
	}

	private record SubjectSchema(String subject, Schema schema) {
	}

}
