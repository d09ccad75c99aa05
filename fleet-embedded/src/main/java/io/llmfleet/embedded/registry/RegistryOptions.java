package io.llmfleet.embedded.registry;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

/**
 * How {@link EmbeddedSchemaRegistry} is started beyond its bootstrap servers and port:
 * the topic holding its state, basic-auth credentials that every call must carry, and
 * HTTPS, optionally requiring a client certificate (mutual TLS). Meant for tests of
 * clients' auth and TLS settings against a real registry, and the registry's own Kafka
 * client settings for a secured broker; the defaults (topic
 * {@value EmbeddedSchemaRegistry#DEFAULT_TOPIC}, plain HTTP, no auth) are what
 * {@code fleet local} uses. Immutable.
 */
public final class RegistryOptions {

	private final String topic;

	private final String basicAuthUserInfo;

	private final SSLContext sslContext;

	private final boolean clientCertificateRequired;

	private final Map<String, Object> kafkaClientProperties;

	private RegistryOptions(String topic, String basicAuthUserInfo, SSLContext sslContext,
			boolean clientCertificateRequired, Map<String, ?> kafkaClientProperties) {
		this.topic = topic;
		this.basicAuthUserInfo = basicAuthUserInfo;
		this.sslContext = sslContext;
		this.clientCertificateRequired = clientCertificateRequired;
		this.kafkaClientProperties = Map.copyOf(kafkaClientProperties);
	}

	/** The default topic, plain HTTP, no authentication. */
	public static RegistryOptions defaults() {
		return new RegistryOptions(EmbeddedSchemaRegistry.DEFAULT_TOPIC, null, null, false, Map.of());
	}

	/** These options with another topic for the registry's state. */
	public RegistryOptions withTopic(String topic) {
		return new RegistryOptions(Objects.requireNonNull(topic), this.basicAuthUserInfo, this.sslContext,
				this.clientCertificateRequired, this.kafkaClientProperties);
	}

	/**
	 * These options with basic auth: every call must carry these credentials, or gets
	 * 401.
	 * @param userInfo {@code user:secret}
	 */
	public RegistryOptions withBasicAuth(String userInfo) {
		if (userInfo.indexOf(':') <= 0) {
			throw new IllegalArgumentException("Basic-auth user info must be user:secret");
		}
		return new RegistryOptions(this.topic, userInfo, this.sslContext, this.clientCertificateRequired,
				this.kafkaClientProperties);
	}

	/**
	 * These options with HTTPS: the context's key manager holds the server certificate.
	 */
	public RegistryOptions withHttps(SSLContext sslContext) {
		return new RegistryOptions(this.topic, this.basicAuthUserInfo, Objects.requireNonNull(sslContext), false,
				this.kafkaClientProperties);
	}

	/**
	 * These options with mutual TLS: HTTPS, and a client certificate that the context's
	 * trust manager accepts is required.
	 */
	public RegistryOptions withMutualTls(SSLContext sslContext) {
		return new RegistryOptions(this.topic, this.basicAuthUserInfo, Objects.requireNonNull(sslContext), true,
				this.kafkaClientProperties);
	}

	/**
	 * These options with settings for the registry's own Kafka clients (producer,
	 * consumer, admin) on top of the bootstrap servers: the security settings of a
	 * secured cluster, typically ({@code security.protocol}, {@code sasl.*},
	 * {@code ssl.*}). The principal needs, on the registry's topic: {@code CREATE} (or
	 * the topic created beforehand), {@code DESCRIBE}, {@code READ} and {@code WRITE}.
	 * @param properties Kafka client properties; {@code bootstrap.servers} in them is
	 * ignored
	 */
	public RegistryOptions withKafkaClientProperties(Map<String, ?> properties) {
		return new RegistryOptions(this.topic, this.basicAuthUserInfo, this.sslContext, this.clientCertificateRequired,
				properties);
	}

	String topic() {
		return this.topic;
	}

	Optional<String> basicAuthUserInfo() {
		return Optional.ofNullable(this.basicAuthUserInfo);
	}

	Optional<SSLContext> sslContext() {
		return Optional.ofNullable(this.sslContext);
	}

	boolean clientCertificateRequired() {
		return this.clientCertificateRequired;
	}

	Map<String, Object> kafkaClientProperties() {
		return this.kafkaClientProperties;
	}

}
