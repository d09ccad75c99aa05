package io.llmfleet.schemas.registry;

import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RestSchemaRegistryClientTests {

	private static final Schema SCHEMA = new Schema.Parser()
		.parse("{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

	/** Fast retries, so tests take milliseconds. */
	private static final Map<String, Object> QUICK_RETRIES = Map.of("max.retries", 3, "retries.wait.ms", 1,
			"retries.max.wait.ms", 5);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final ScriptedRegistry registry = ScriptedRegistry.start();

	private final Logger retryLog = (Logger) LoggerFactory.getLogger(RegistryHttp.class);

	private final ListAppender<ILoggingEvent> retryLines = new ListAppender<>();

	@BeforeEach
	void captureRetryLines() {
		this.retryLines.start();
		this.retryLog.addAppender(this.retryLines);
	}

	@AfterEach
	void stop() {
		this.retryLog.detachAppender(this.retryLines);
		this.registry.close();
	}

	@Test
	void a503IsRetriedWithOneLogLinePerRetryUntilTheRegistryAnswers() {
		this.registry.then(503, "{\"error_code\":50003,\"message\":\"Error while forwarding the request\"}")
			.then(503, "{\"error_code\":50003,\"message\":\"Error while forwarding the request\"}")
			.then(200, "{\"id\":7}");

		assertThat(client(Map.of()).register("orders-value", SCHEMA)).isEqualTo(7);

		assertThat(this.registry.received()).hasSize(3);
		assertThat(this.retryLines.list).hasSize(2)
			.first()
			.extracting(ILoggingEvent::getFormattedMessage)
			.asString()
			.contains("attempt 1/4")
			.contains("HTTP 503", "50003", "Error while forwarding")
			.contains("retrying in");
	}

	@Test
	void aConnectionClosedWithoutAnswerIsRetried() {
		this.registry.thenClose().then(200, "{\"subject\":\"orders-value\",\"id\":3,\"version\":1}");

		assertThat(client(Map.of()).lookup("orders-value", SCHEMA)).isEqualTo(3);
		assertThat(this.registry.received()).hasSize(2);
	}

	@Test
	void a4xxIsNotRetriedAndCarriesTheRegistrysErrorCodeAndMessage() {
		this.registry.then(422, "{\"error_code\":42201,\"message\":\"Invalid schema: bad default\"}");

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> client(Map.of()).register("orders-value", SCHEMA))
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(42201))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(422))
			.withMessageContaining("POST " + this.registry.url() + "/subjects/orders-value/versions")
			.withMessageContaining("Invalid schema: bad default");
		assertThat(this.registry.received()).hasSize(1);
	}

	@Test
	void notFoundIsReportedAsSuch() {
		this.registry.then(404, "{\"error_code\":40401,\"message\":\"Subject 'orders-value' not found.\"}");

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> client(Map.of()).lookup("orders-value", SCHEMA))
			.satisfies((ex) -> assertThat(ex.isNotFound()).isTrue())
			.withMessageContaining("40401");
	}

	@Test
	void retriesStopAtTheConfiguredLimitWithTheLastAnswer() {
		this.registry.then(503, "busy").then(503, "busy").then(503, "busy");

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> client(Map.of("max.retries", 2)).getById(1))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(503))
			.withMessageContaining("busy")
			.withMessageContaining("gave up after 3 attempts");
		assertThat(this.registry.received()).hasSize(3);
	}

	@Test
	void anUnreachableRegistryFailsAfterItsRetries() {
		Map<String, Object> settings = new HashMap<>(QUICK_RETRIES);
		settings.put("schema.registry.url", ScriptedRegistry.deadUrl());
		settings.put("max.retries", 1);

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> RestSchemaRegistryClient.fromConfigs(settings).getById(1))
			.withMessageContaining("is unreachable after 2 attempts")
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(-1));
	}

	@Test
	void aFailedUrlIsFollowedByTheNextOne() {
		Map<String, Object> settings = new HashMap<>(QUICK_RETRIES);
		settings.put("schema.registry.url", ScriptedRegistry.deadUrl() + "," + this.registry.url());
		this.registry.then(200, "{\"schema\":\"\\\"string\\\"\"}");

		assertThat(RestSchemaRegistryClient.fromConfigs(settings).getById(5))
			.isEqualTo(Schema.create(Schema.Type.STRING));
	}

	@Test
	void basicAuthFromUserInfoIsSentWithEveryCall() {
		client(Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "fleet:s3cret"))
			.register("orders-value", SCHEMA);

		assertThat(this.registry.received()).singleElement()
			.extracting(ScriptedRegistry.Received::authorization)
			.isEqualTo("Basic " + Base64.getEncoder().encodeToString("fleet:s3cret".getBytes()));
	}

	@Test
	void basicAuthFromTheUrlIsSentAsAHeaderNotInTheUrl() {
		Map<String, Object> settings = new HashMap<>(QUICK_RETRIES);
		settings.put("schema.registry.url", this.registry.url().replace("http://", "http://fleet:s3cret@"));

		RestSchemaRegistryClient.fromConfigs(settings).register("orders-value", SCHEMA);

		assertThat(this.registry.received()).singleElement().satisfies((received) -> {
			assertThat(received.authorization()).startsWith("Basic ");
			assertThat(received.path()).isEqualTo("/subjects/orders-value/versions");
		});
	}

	@Test
	void a401SaysTheCredentialsWereRejectedAndWhichSettingsToCheck() {
		this.registry.then(401, "{\"error_code\":401,\"message\":\"Unauthorized\"}");

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> client(
					Map.of("basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "fleet:wrong"))
				.register("orders-value", SCHEMA))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(401))
			.withMessageContaining("rejected the credentials of user 'fleet'")
			.withMessageContaining("basic.auth.user.info")
			.withMessageNotContaining("wrong");
		assertThat(this.registry.received()).hasSize(1);
	}

	@Test
	void anErrorBodyThatIsNotJsonIsKeptAsTheMessage() {
		this.registry.then(404, "<html><body>No such route</body></html>");

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> client(Map.of()).getById(9))
			.withMessageContaining("No such route")
			.satisfies((ex) -> assertThat(ex.errorCode()).isEqualTo(404));
	}

	@Test
	void schemasAndIdsAreCachedAfterTheFirstCall() {
		this.registry.then(200, "{\"schema\":\"\\\"string\\\"\"}");
		RestSchemaRegistryClient client = client(Map.of());

		client.getById(4);
		client.getById(4);
		client.register("orders-value", SCHEMA);
		client.register("orders-value", SCHEMA);

		assertThat(this.registry.received()).hasSize(2);
	}

	@Test
	void latestVersionIsFetchedWithItsIdAndVersion() {
		this.registry.then(200, "{\"subject\":\"orders-value\",\"version\":3,\"id\":12,\"schema\":"
				+ JSON.writeValueAsString(SCHEMA.toString()) + "}");

		RegisteredSchema latest = client(Map.of()).latest("orders-value");

		assertThat(latest).isEqualTo(new RegisteredSchema("orders-value", 12, 3, SCHEMA));
		assertThat(this.registry.received()).singleElement()
			.extracting(ScriptedRegistry.Received::path)
			.isEqualTo("/subjects/orders-value/versions/latest");
	}

	@Test
	void subjectsArePercentEncodedAsOnePathSegment() {
		client(Map.of()).register("orders value/v2", SCHEMA);

		assertThat(this.registry.received()).singleElement()
			.extracting(ScriptedRegistry.Received::path)
			.isEqualTo("/subjects/orders%20value%2Fv2/versions");
	}

	private RestSchemaRegistryClient client(Map<String, Object> extra) {
		Map<String, Object> settings = new HashMap<>(QUICK_RETRIES);
		settings.put("schema.registry.url", this.registry.url());
		settings.putAll(extra);
		return new RestSchemaRegistryClient(
				RegistryClientConfig.from(settings).withRequestTimeout(Duration.ofSeconds(5)));
	}

}
