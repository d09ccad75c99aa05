package io.llmfleet.embedded.registry;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.llmfleet.embedded.kafka.EmbeddedKafkaBroker;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.registry.RestSchemaRegistryClient;
import io.llmfleet.schemas.registry.SchemaRegistryException;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import io.llmfleet.schemas.serde.FleetAvroSerializer;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schemas module's registry client and serde against the real embedded registry with
 * basic auth, HTTPS and mutual TLS, configured only through Confluent's property names.
 */
@ExtendWith(SharedBroker.class)
class RegistryClientSecurityIT {

	private static final String USER_INFO = "fleet:s3cret";

	private static final Schema SCHEMA = new Schema.Parser()
		.parse("{\"type\":\"record\",\"name\":\"Secured\",\"fields\":[{\"name\":\"id\",\"type\":\"string\"}]}");

	@TempDir
	static Path certificatesDir;

	private static TestCertificates certificates;

	private static EmbeddedSchemaRegistry authRegistry;

	private static EmbeddedSchemaRegistry httpsRegistry;

	private static EmbeddedSchemaRegistry mutualTlsRegistry;

	@BeforeAll
	static void start(EmbeddedKafkaBroker broker) {
		certificates = TestCertificates.generate(certificatesDir);
		authRegistry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0,
				RegistryOptions.defaults().withTopic("_schemas_auth_it").withBasicAuth(USER_INFO));
		httpsRegistry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0,
				RegistryOptions.defaults().withTopic("_schemas_https_it").withHttps(certificates.serverContext()));
		mutualTlsRegistry = EmbeddedSchemaRegistry.start(broker.bootstrapServers(), 0,
				RegistryOptions.defaults()
					.withTopic("_schemas_mtls_it")
					.withMutualTls(certificates.serverContext())
					.withBasicAuth(USER_INFO));
	}

	@AfterAll
	static void stop() {
		authRegistry.close();
		httpsRegistry.close();
		mutualTlsRegistry.close();
	}

	@Test
	void basicAuthWithTheRightUserInfoRegistersAndReads() {
		RestSchemaRegistryClient client = RestSchemaRegistryClient.fromConfigs(Map.of("schema.registry.url",
				authRegistry.url(), "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", USER_INFO));

		int id = client.register("auth-value", SCHEMA);

		assertThat(RestSchemaRegistryClient
			.fromConfigs(
					Map.of("schema.registry.url", authRegistry.url().replace("http://", "http://" + USER_INFO + "@")))
			.getById(id)).isEqualTo(SCHEMA);
	}

	@Test
	void wrongCredentialsAreRefusedWith401AndAClearMessage() {
		RestSchemaRegistryClient client = RestSchemaRegistryClient
			.fromConfigs(Map.of("schema.registry.url", authRegistry.url(), "basic.auth.credentials.source", "USER_INFO",
					"basic.auth.user.info", "fleet:guess"));

		assertThatExceptionOfType(SchemaRegistryException.class).isThrownBy(() -> client.register("auth-value", SCHEMA))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(401))
			.withMessageContaining("rejected the credentials of user 'fleet'")
			.withMessageNotContaining("guess");
	}

	@Test
	void missingCredentialsAreRefusedWith401SayingNoneAreConfigured() {
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> new RestSchemaRegistryClient(authRegistry.url()).getById(1))
			.satisfies((ex) -> assertThat(ex.httpStatus()).isEqualTo(401))
			.withMessageContaining("no credentials are configured")
			.withMessageContaining("basic.auth.user.info");
	}

	@Test
	void httpsWorksWithTheRegistrysCertificateInTheTrustStore() {
		assertThat(httpsRegistry.url()).startsWith("https://127.0.0.1:");
		Map<String, Object> settings = trusting(httpsRegistry);

		int id = RestSchemaRegistryClient.fromConfigs(settings).register("https-value", SCHEMA);

		assertThat(RestSchemaRegistryClient.fromConfigs(settings).getById(id)).isEqualTo(SCHEMA);
	}

	@Test
	void anUntrustedRegistryCertificateFailsTheHandshakeWithoutRetries() {
		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> new RestSchemaRegistryClient(httpsRegistry.url()).getById(1))
			.withMessageContaining("TLS handshake with the schema registry")
			.withMessageContaining("schema.registry.ssl");
	}

	@Test
	void mutualTlsWorksWithAClientCertificateAndCredentials() {
		Map<String, Object> settings = trusting(mutualTlsRegistry);
		settings.put("schema.registry.ssl.keystore.location", certificates.clientKeyStore().toString());
		settings.put("schema.registry.ssl.keystore.password", TestCertificates.PASSWORD);
		settings.put("schema.registry.ssl.keystore.type", "PKCS12");
		settings.put("schema.registry.ssl.key.password", TestCertificates.PASSWORD);
		settings.put("basic.auth.credentials.source", "USER_INFO");
		settings.put("basic.auth.user.info", USER_INFO);
		InferenceRequest request = InferenceRequest.newBuilder()
			.setRequestId("mtls-1")
			.setMessages(List.of(new ChatMessage("user", "hello over mutual TLS")))
			.setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.build();

		// The serde takes the very same settings Confluent's serializers would.
		try (FleetAvroSerializer<InferenceRequest> serializer = new FleetAvroSerializer<>();
				FleetAvroDeserializer<InferenceRequest> deserializer = new FleetAvroDeserializer<>()) {
			serializer.configure(settings, false);
			deserializer.configure(settings, false);
			assertThat(deserializer.deserialize("mtls.requests", serializer.serialize("mtls.requests", request)))
				.isEqualTo(request);
		}
	}

	@Test
	void mutualTlsWithoutAClientCertificateIsRefused() {
		Map<String, Object> settings = trusting(mutualTlsRegistry);
		settings.put("max.retries", 0);

		assertThatExceptionOfType(SchemaRegistryException.class)
			.isThrownBy(() -> RestSchemaRegistryClient.fromConfigs(settings).getById(1))
			.withMessageContaining(mutualTlsRegistry.url())
			.withMessageContaining("schema.registry.ssl");
	}

	@Test
	void aWrongKeyStorePasswordStopsConfigurationNamingTheStore() {
		Map<String, Object> settings = trusting(mutualTlsRegistry);
		settings.put("schema.registry.ssl.keystore.location", certificates.clientKeyStore().toString());
		settings.put("schema.registry.ssl.keystore.password", "not-the-password");
		settings.put("schema.registry.ssl.keystore.type", "PKCS12");

		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RestSchemaRegistryClient.fromConfigs(settings))
			.withMessageContaining("schema.registry.ssl.keystore.location")
			.withMessageContaining(certificates.clientKeyStore().toString())
			.withMessageNotContaining("not-the-password");
	}

	/** Client settings that trust the test server certificate, and nothing else. */
	private static Map<String, Object> trusting(EmbeddedSchemaRegistry registry) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("schema.registry.url", registry.url());
		settings.put("schema.registry.ssl.truststore.location", certificates.clientTrustStore().toString());
		settings.put("schema.registry.ssl.truststore.password", TestCertificates.PASSWORD);
		settings.put("schema.registry.ssl.truststore.type", "PKCS12");
		return settings;
	}

}
