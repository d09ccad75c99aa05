package io.llmfleet.embedded.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.llmfleet.embedded.registry.EmbeddedSchemaRegistry;
import io.llmfleet.embedded.registry.RegistryOptions;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.serde.FleetAvroDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A broker secured as in production (SASL_SSL with SCRAM-SHA-512, mutual TLS, ACLs
 * enforced by the StandardAuthorizer) and a registry on HTTPS, used by Spring Boot
 * applications configured only through the standard {@code spring.kafka.*} properties
 * (and their environment-variable forms), writing and reading fleet Avro records.
 */
class SecureBrokerIT {

	private static final String REQUESTS = "fleet.requests";

	private static final String CAPACITY = "fleet.capacity";

	private static final String CLASSIFIED = "fleet.classified";

	private static final String CLIENT = "batch-client";

	private static final String CLASSIFIER = "classifier-service";

	private static final String REGISTRY_USER = "schema-registry";

	private static final String INTRUDER = "intruder";

	private static final String WORKER = "worker-gpu0";

	private static final String REGISTRY_USER_INFO = "fleet:registry-secret";

	@TempDir
	static Path dataDir;

	private static EmbeddedKafkaBroker broker;

	private static BrokerCredentials credentials;

	/** HTTPS with basic auth, for the SCRAM clients. */
	private static EmbeddedSchemaRegistry registry;

	/** Mutual TLS, for the certificate clients. */
	private static EmbeddedSchemaRegistry mutualTlsRegistry;

	@BeforeAll
	static void start() throws Exception {
		broker = EmbeddedKafkaBroker.start(dataDir, 0,
				BrokerSecurity.saslSsl()
					.withUser(CLIENT, "client-secret")
					.withUser(CLASSIFIER, "classifier-secret")
					.withUser(REGISTRY_USER, "registry-secret")
					.withUser(INTRUDER, "intruder-secret")
					.withMutualTls(0, WORKER)
					.withPlaintextListener(0));
		credentials = broker.credentials().orElseThrow();
		broker.createTopics(List.of(new NewTopic(REQUESTS, 1, (short) 1), new NewTopic(CAPACITY, 1, (short) 1),
				new NewTopic(CLASSIFIED, 1, (short) 1)));
		try (Admin admin = Admin.create(credentials.superUserClientProperties())) {
			admin
				.createAcls(List.of(
						allow(REGISTRY_USER, ResourceType.TOPIC, "_schemas", PatternType.PREFIXED, AclOperation.CREATE),
						allow(REGISTRY_USER, ResourceType.TOPIC, "_schemas", PatternType.PREFIXED, AclOperation.READ),
						allow(REGISTRY_USER, ResourceType.TOPIC, "_schemas", PatternType.PREFIXED, AclOperation.WRITE),
						allow(CLIENT, ResourceType.TOPIC, REQUESTS, PatternType.LITERAL, AclOperation.WRITE),
						allow(CLASSIFIER, ResourceType.TOPIC, REQUESTS, PatternType.LITERAL, AclOperation.READ),
						allow(CLASSIFIER, ResourceType.GROUP, CLASSIFIER, PatternType.LITERAL, AclOperation.READ),
						allow(CLASSIFIER, ResourceType.TOPIC, CLASSIFIED, PatternType.LITERAL, AclOperation.WRITE),
						allow(CLASSIFIER, ResourceType.TRANSACTIONAL_ID, "classifier-tx-", PatternType.PREFIXED,
								AclOperation.WRITE),
						allow(WORKER, ResourceType.TOPIC, CAPACITY, PatternType.LITERAL, AclOperation.WRITE)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		registry = EmbeddedSchemaRegistry.start(credentials.saslSslBootstrapServers(), 0,
				RegistryOptions.defaults()
					.withKafkaClientProperties(credentials.saslSslClientProperties(REGISTRY_USER))
					.withHttps(credentials.serverSslContext())
					.withBasicAuth(REGISTRY_USER_INFO));
		mutualTlsRegistry = EmbeddedSchemaRegistry.start(credentials.saslSslBootstrapServers(), 0,
				RegistryOptions.defaults()
					.withTopic("_schemas_mtls")
					.withKafkaClientProperties(credentials.saslSslClientProperties(REGISTRY_USER))
					.withMutualTls(credentials.serverSslContext()));
	}

	@AfterAll
	static void stop() {
		if (registry != null) {
			registry.close();
		}
		if (mutualTlsRegistry != null) {
			mutualTlsRegistry.close();
		}
		if (broker != null) {
			broker.close();
		}
	}

	@Test
	void bootAppsWriteAndReadAvroOverSaslSslWithOnlySpringKafkaProperties() {
		InferenceRequest request = request("sasl-ssl-1");
		// The client sets properties, the classifier the same settings as environment
		// variables (SPRING_KAFKA_SECURITY_PROTOCOL, ...), as a container would.
		boot(saslSsl(CLIENT, "client-secret"))
			.run((producerApp) -> bootFromEnvironment(saslSsl(CLASSIFIER, "classifier-secret"))
				.withPropertyValues("spring.kafka.consumer.group-id=" + CLASSIFIER)
				.withUserConfiguration(ReceivedRequests.class)
				.run((classifierApp) -> {
					assertThat(producerApp).hasNotFailed();
					assertThat(classifierApp).hasNotFailed();
					template(producerApp).send(REQUESTS, request.getRequestId(), request).get(30, TimeUnit.SECONDS);

					assertThat(classifierApp.getBean(ReceivedRequests.class).received.poll(30, TimeUnit.SECONDS))
						.isEqualTo(request);
				}));
	}

	@Test
	void aWrongPasswordIsRefusedWithSaslAuthenticationException() {
		boot(saslSsl(CLASSIFIER, "not-the-password")).run((app) -> {
			try (var consumer = app.getBean(ConsumerFactory.class).createConsumer()) {
				assertThatExceptionOfType(SaslAuthenticationException.class)
					.isThrownBy(() -> consumer.partitionsFor(REQUESTS, Duration.ofSeconds(30)))
					.withMessageContaining("Authentication failed");
			}
		});
	}

	@Test
	void aClientThatDoesNotTrustTheBrokersCaFailsTheTlsHandshake() {
		Map<String, String> properties = saslSsl(CLASSIFIER, "classifier-secret");
		properties.keySet().removeIf((key) -> key.startsWith("spring.kafka.ssl.trust-store"));

		boot(properties).run((app) -> {
			try (var consumer = app.getBean(ConsumerFactory.class).createConsumer()) {
				assertThatExceptionOfType(SslAuthenticationException.class)
					.isThrownBy(() -> consumer.partitionsFor(REQUESTS, Duration.ofSeconds(30)));
			}
		});
	}

	@Test
	void anAuthenticatedUserWithoutAclsGetsTopicAuthorizationExceptions() {
		InferenceRequest request = request("intruder-1");
		boot(saslSsl(INTRUDER, "intruder-secret")).withPropertyValues("spring.kafka.consumer.group-id=" + INTRUDER)
			.run((app) -> {
				Throwable send = catchThrowable(
						() -> template(app).send(REQUESTS, request.getRequestId(), request).get(30, TimeUnit.SECONDS));
				assertThat(send).rootCause()
					.isInstanceOf(TopicAuthorizationException.class)
					.hasMessageContaining(REQUESTS);
				try (var consumer = app.getBean(ConsumerFactory.class).createConsumer()) {
					consumer.subscribe(List.of(REQUESTS));
					assertThatExceptionOfType(TopicAuthorizationException.class)
						.isThrownBy(() -> consumer.poll(Duration.ofSeconds(30)))
						.withMessageContaining(REQUESTS);
				}
			});
	}

	@Test
	void aServiceMayReadItsTopicOnlyInItsOwnConsumerGroup() {
		boot(saslSsl(CLASSIFIER, "classifier-secret"))
			.withPropertyValues("spring.kafka.consumer.group-id=dispatcher-service")
			.run((app) -> {
				try (var consumer = app.getBean(ConsumerFactory.class).createConsumer()) {
					consumer.subscribe(List.of(REQUESTS));
					assertThatExceptionOfType(GroupAuthorizationException.class)
						.isThrownBy(() -> consumer.poll(Duration.ofSeconds(30)))
						.withMessageContaining("dispatcher-service");
				}
			});
	}

	@Test
	void consumeTransformProduceInATransactionNeedsTheTransactionalIdPrefixAcl() throws Exception {
		Map<String, Object> settings = credentials.saslSslClientProperties(CLASSIFIER);
		settings.put(ConsumerConfig.GROUP_ID_CONFIG, CLASSIFIER);
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		TopicPartition requests = new TopicPartition(REQUESTS, 0);
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
				new StringDeserializer());
				KafkaProducer<String, String> producer = transactionalProducer("classifier-tx-0")) {
			consumer.assign(List.of(requests));
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(CLASSIFIED, "tx-1", "classified")).get(30, TimeUnit.SECONDS);
			producer.sendOffsetsToTransaction(
					Map.of(requests, new OffsetAndMetadata(consumer.position(requests, Duration.ofSeconds(30)))),
					consumer.groupMetadata());
			producer.commitTransaction();
		}

		try (KafkaProducer<String, String> other = transactionalProducer("dispatcher-tx-0")) {
			assertThatExceptionOfType(TransactionalIdAuthorizationException.class).isThrownBy(other::initTransactions);
		}
	}

	@Test
	void onlyTheSuperUserManagesAcls() throws Exception {
		try (Admin admin = Admin.create(credentials.saslSslClientProperties(CLASSIFIER))) {
			Throwable refused = catchThrowable(() -> admin
				.createAcls(List.of(allow(CLASSIFIER, ResourceType.TOPIC, "*", PatternType.LITERAL, AclOperation.ALL)))
				.all()
				.get(30, TimeUnit.SECONDS));
			assertThat(refused).isInstanceOf(ExecutionException.class)
				.cause()
				.isInstanceOf(ClusterAuthorizationException.class);
		}
	}

	@Test
	void aPlaintextClientIsAnonymousAndGetsNothingWithoutAcls() {
		Map<String, Object> settings = new HashMap<>();
		settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, credentials.plaintextBootstrapServers().orElseThrow());
		settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
				new StringSerializer())) {
			Throwable send = catchThrowable(
					() -> producer.send(new ProducerRecord<>(REQUESTS, "k", "v")).get(30, TimeUnit.SECONDS));
			assertThat(send).isInstanceOf(ExecutionException.class)
				.cause()
				.isInstanceOf(TopicAuthorizationException.class);
		}
		assertThat(broker.bootstrapServers()).isEqualTo(credentials.plaintextBootstrapServers().orElseThrow());
	}

	@Test
	void aMutualTlsClientConfiguredByEnvironmentVariablesIsItsCertificatesPrincipal() throws Exception {
		CapacityReport report = CapacityReport.newBuilder()
			.setWorkerId(WORKER)
			.setHost("gpu-host-1")
			.setSource(CapacitySource.STATIC)
			.setReportedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.build();
		// What a container's environment would hold: Boot maps each variable to its
		// spring.kafka.* property, and those under SPRING_KAFKA_PROPERTIES_ to Kafka
		// keys.
		Map<String, Object> environment = new HashMap<>();
		environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", credentials.mutualTlsBootstrapServers().orElseThrow());
		environment.put("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL");
		environment.put("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", credentials.trustStore().toUri().toString());
		environment.put("SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", credentials.storePassword());
		environment.put("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12");
		environment.put("SPRING_KAFKA_SSL_KEY_STORE_LOCATION", credentials.keyStore(WORKER).toUri().toString());
		environment.put("SPRING_KAFKA_SSL_KEY_STORE_PASSWORD", credentials.storePassword());
		environment.put("SPRING_KAFKA_SSL_KEY_STORE_TYPE", "PKCS12");
		environment.put("SPRING_KAFKA_SSL_KEY_PASSWORD", credentials.storePassword());
		environment.put("SPRING_KAFKA_PRODUCER_VALUE_SERIALIZER", "io.llmfleet.schemas.serde.FleetAvroSerializer");
		environment.putAll(mutualTlsRegistrySettings("SPRING_KAFKA_PROPERTIES_", true));

		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment)))
			.run((workerApp) -> {
				template(workerApp).send(CAPACITY, WORKER, report).get(30, TimeUnit.SECONDS);
				Throwable denied = catchThrowable(() -> template(workerApp).send(REQUESTS, "x", request("from-worker"))
					.get(30, TimeUnit.SECONDS));
				assertThat(denied).rootCause().isInstanceOf(TopicAuthorizationException.class);
			});

		assertThat(readAsSuperUser(CAPACITY)).containsExactly(report);
	}

	@Test
	void theMutualTlsListenerRefusesAClientWithoutACertificate() {
		Map<String, String> properties = new HashMap<>(credentials.springMutualTlsProperties(WORKER));
		properties.keySet().removeIf((key) -> key.startsWith("spring.kafka.ssl.key"));

		boot(properties).run((app) -> {
			try (var consumer = app.getBean(ConsumerFactory.class).createConsumer()) {
				assertThatExceptionOfType(SslAuthenticationException.class)
					.isThrownBy(() -> consumer.partitionsFor(CAPACITY, Duration.ofSeconds(30)));
			}
		});
	}

	/**
	 * The properties a SCRAM service sets, spelt out: Kafka over SASL_SSL, the registry
	 * over HTTPS with basic auth, the fleet's Avro serde.
	 */
	private static Map<String, String> saslSsl(String user, String password) {
		Map<String, String> properties = new HashMap<>();
		properties.put("spring.kafka.bootstrap-servers", credentials.saslSslBootstrapServers());
		properties.put("spring.kafka.security.protocol", "SASL_SSL");
		properties.put("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512");
		properties.put("spring.kafka.properties.sasl.jaas.config",
				"org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user + "\" password=\""
						+ password + "\";");
		properties.put("spring.kafka.ssl.trust-store-location", credentials.trustStore().toUri().toString());
		properties.put("spring.kafka.ssl.trust-store-password", credentials.storePassword());
		properties.put("spring.kafka.ssl.trust-store-type", "PKCS12");
		properties.put("spring.kafka.properties.schema.registry.url", registry.url());
		properties.put("spring.kafka.properties.basic.auth.credentials.source", "USER_INFO");
		properties.put("spring.kafka.properties.basic.auth.user.info", REGISTRY_USER_INFO);
		properties.put("spring.kafka.properties.schema.registry.ssl.truststore.location",
				credentials.trustStore().toString());
		properties.put("spring.kafka.properties.schema.registry.ssl.truststore.password", credentials.storePassword());
		properties.put("spring.kafka.properties.schema.registry.ssl.truststore.type", "PKCS12");
		properties.put("spring.kafka.producer.value-serializer", "io.llmfleet.schemas.serde.FleetAvroSerializer");
		properties.put("spring.kafka.consumer.value-deserializer", "io.llmfleet.schemas.serde.FleetAvroDeserializer");
		properties.put("spring.kafka.consumer.auto-offset-reset", "earliest");
		return properties;
	}

	/**
	 * The registry settings of a mutual-TLS client, as Kafka keys or environment names.
	 */
	private static Map<String, Object> mutualTlsRegistrySettings(String prefix, boolean environmentNames) {
		Map<String, Object> settings = new HashMap<>();
		settings.put("schema.registry.url", mutualTlsRegistry.url());
		settings.put("schema.registry.ssl.truststore.location", credentials.trustStore().toString());
		settings.put("schema.registry.ssl.truststore.password", credentials.storePassword());
		settings.put("schema.registry.ssl.truststore.type", "PKCS12");
		settings.put("schema.registry.ssl.keystore.location", credentials.keyStore(WORKER).toString());
		settings.put("schema.registry.ssl.keystore.password", credentials.storePassword());
		settings.put("schema.registry.ssl.keystore.type", "PKCS12");
		settings.put("schema.registry.ssl.key.password", credentials.storePassword());
		Map<String, Object> named = new HashMap<>();
		settings.forEach((key, value) -> named
			.put(environmentNames ? prefix + key.replace('.', '_').toUpperCase(Locale.ROOT) : prefix + key, value));
		return named;
	}

	private static List<Object> readAsSuperUser(String topic) {
		Map<String, Object> settings = new HashMap<>(credentials.superUserClientProperties());
		settings.putAll(mutualTlsRegistrySettings("", false));
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<Object> values = new ArrayList<>();
		FleetAvroDeserializer<?> deserializer = new FleetAvroDeserializer<>();
		deserializer.configure(settings, false);
		try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
				(name, data) -> deserializer.deserialize(name, data))) {
			TopicPartition partition = new TopicPartition(topic, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
			}
		}
		return values;
	}

	private static KafkaProducer<String, String> transactionalProducer(String transactionalId) {
		Map<String, Object> settings = credentials.saslSslClientProperties(CLASSIFIER);
		settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
		settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
		return new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
	}

	private static ApplicationContextRunner boot(Map<String, String> properties) {
		Map<String, Object> source = new HashMap<>(properties);
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("test-properties", source)));
	}

	/**
	 * A Boot app whose settings come from environment variables, named from the
	 * properties as Boot's relaxed binding expects:
	 * {@code spring.kafka.ssl.trust-store-location} is
	 * {@code SPRING_KAFKA_SSL_TRUSTSTORELOCATION},
	 * {@code spring.kafka.properties.sasl.mechanism} is
	 * {@code SPRING_KAFKA_PROPERTIES_SASL_MECHANISM}.
	 */
	private static ApplicationContextRunner bootFromEnvironment(Map<String, String> properties) {
		Map<String, Object> environment = new HashMap<>();
		properties.forEach((key, value) -> environment
			.put(key.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT), value));
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment", environment)));
	}

	@SuppressWarnings("unchecked")
	private static KafkaTemplate<String, Object> template(ApplicationContext context) {
		return context.getBean(KafkaTemplate.class);
	}

	private static InferenceRequest request(String id) {
		return InferenceRequest.newBuilder()
			.setRequestId(id)
			.setMessages(List.of(new ChatMessage("user", "hello over " + id)))
			.setCreatedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
			.build();
	}

	private static AclBinding allow(String user, ResourceType type, String name, PatternType pattern,
			AclOperation operation) {
		return new AclBinding(new ResourcePattern(type, name, pattern),
				new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
	}

	/** The classifier's listener: Boot's auto-configured container factory runs it. */
	static class ReceivedRequests {

		final BlockingQueue<InferenceRequest> received = new LinkedBlockingQueue<>();

		@KafkaListener(topics = REQUESTS)
		public void on(InferenceRequest request) {
			this.received.add(request);
		}

	}

}
