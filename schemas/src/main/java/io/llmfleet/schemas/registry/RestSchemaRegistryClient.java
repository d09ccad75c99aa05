package io.llmfleet.schemas.registry;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, with caches
 * of ids by subject and schema and of schemas by id. Works against a Confluent Schema
 * Registry and against the fleet's embedded one.
 */
public class RestSchemaRegistryClient implements SchemaRegistryClient {

	private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final URI baseUrl;

	private final HttpClient http;

	private final Duration requestTimeout;

	private final Map<SubjectSchema, Integer> idsBySubjectSchema = new ConcurrentHashMap<>();

	private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

	public RestSchemaRegistryClient(String baseUrl) {
		this(baseUrl, Duration.ofSeconds(10));
	}

	public RestSchemaRegistryClient(String baseUrl, Duration requestTimeout) {
		this.baseUrl = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
		this.requestTimeout = requestTimeout;
		this.http = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
	}

	@Override
	public int register(String subject, Schema schema) {
		return this.idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), (key) -> {
			JsonNode body = post("subjects/" + encode(subject) + "/versions", schemaBody(schema));
			return rememberSchema(body.get("id").asInt(), schema);
		});
	}

	@Override
	public int lookup(String subject, Schema schema) {
		return this.idsBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), (key) -> {
			JsonNode body = post("subjects/" + encode(subject), schemaBody(schema));
			return rememberSchema(body.get("id").asInt(), schema);
		});
	}

	@Override
	public Schema getById(int id) {
		return this.schemasById.computeIfAbsent(id, (key) -> {
			JsonNode body = send(HttpRequest.newBuilder(this.baseUrl.resolve("schemas/ids/" + id)).GET());
			return new Schema.Parser().parse(body.get("schema").asString());
		});
	}

	private int rememberSchema(int id, Schema schema) {
		this.schemasById.putIfAbsent(id, schema);
		return id;
	}

	private JsonNode post(String path, String body) {
		return send(HttpRequest.newBuilder(this.baseUrl.resolve(path))
			.header("Content-Type", CONTENT_TYPE)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	private JsonNode send(HttpRequest.Builder request) {
		HttpRequest built = request.header("Accept", CONTENT_TYPE).timeout(this.requestTimeout).build();
		HttpResponse<String> response;
		try {
			response = this.http.send(built, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new SchemaRegistryException("Schema registry at " + this.baseUrl + " is unreachable: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SchemaRegistryException("Interrupted calling the schema registry at " + this.baseUrl, ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw errorOf(built, response);
		}
		return JSON.readTree(response.body());
	}

	private static SchemaRegistryException errorOf(HttpRequest request, HttpResponse<String> response) {
		int errorCode = response.statusCode();
		String message = response.body();
		try {
			JsonNode error = JSON.readTree(response.body());
			errorCode = error.path("error_code").asInt(errorCode);
			message = error.path("message").asString(message);
		}
		catch (RuntimeException notJson) {
			// A proxy or a crashed registry answers in HTML or plain text: keep the raw
			// body.
		}
		return new SchemaRegistryException(response.statusCode(), errorCode,
				request.method() + " " + request.uri().getPath() + ": " + message);
	}

	private static String schemaBody(Schema schema) {
		return JSON.writeValueAsString(Map.of("schema", schema.toString()));
	}

	private static String encode(String subject) {
		return URLEncoder.encode(subject, StandardCharsets.UTF_8);
	}

	private record SubjectSchema(String subject, Schema schema) {
	}

}
