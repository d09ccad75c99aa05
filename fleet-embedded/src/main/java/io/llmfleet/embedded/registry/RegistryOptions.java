package io.llmfleet.embedded.registry;

import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLContext;

/**
 * How {@link EmbeddedSchemaRegistry} is started beyond its bootstrap servers and port:
 * the topic holding its state, basic-auth credentials that every call must carry, and
 * HTTPS, optionally requiring a client certificate (mutual TLS). Meant for tests of
 * clients' auth and TLS settings against a real registry; the defaults (topic
 * {@value EmbeddedSchemaRegistry#DEFAULT_TOPIC}, plain HTTP, no auth) are what
 * {@code fleet local} uses. Immutable.
 */
public final class RegistryOptions {

	private final String topic;

	private final String basicAuthUserInfo;

	private final SSLContext sslContext;

	private final boolean clientCertificateRequired;

	private RegistryOptions(String topic, String basicAuthUserInfo, SSLContext sslContext,
			boolean clientCertificateRequired) {
		this.topic = topic;
		this.basicAuthUserInfo = basicAuthUserInfo;
		this.sslContext = sslContext;
		this.clientCertificateRequired = clientCertificateRequired;
	}

	/** The default topic, plain HTTP, no authentication. */
	public static RegistryOptions defaults() {
		return new RegistryOptions(EmbeddedSchemaRegistry.DEFAULT_TOPIC, null, null, false);
	}

	/** These options with another topic for the registry's state. */
	public RegistryOptions withTopic(String topic) {
		return new RegistryOptions(Objects.requireNonNull(topic), this.basicAuthUserInfo, this.sslContext,
				this.clientCertificateRequired);
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
		return new RegistryOptions(this.topic, userInfo, this.sslContext, this.clientCertificateRequired);
	}

	/**
	 * These options with HTTPS: the context's key manager holds the server certificate.
	 */
	public RegistryOptions withHttps(SSLContext sslContext) {
		return new RegistryOptions(this.topic, this.basicAuthUserInfo, Objects.requireNonNull(sslContext), false);
	}

	/**
	 * These options with mutual TLS: HTTPS, and a client certificate that the context's
	 * trust manager accepts is required.
	 */
	public RegistryOptions withMutualTls(SSLContext sslContext) {
		return new RegistryOptions(this.topic, this.basicAuthUserInfo, Objects.requireNonNull(sslContext), true);
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

}
