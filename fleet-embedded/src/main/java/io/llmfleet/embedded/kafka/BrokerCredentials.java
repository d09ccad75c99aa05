package io.llmfleet.embedded.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.security.auth.SecurityProtocol;

/**
 * What a client needs to reach a broker started with {@link BrokerSecurity}: the
 * addresses of its listeners, the trust store holding the broker's CA (PKCS12, and PEM
 * for librdkafka-based clients), the mutual-TLS clients' key stores, the SCRAM users and
 * their passwords, and ready-made client settings, both as Kafka client properties and as
 * the standard Spring Boot {@code spring.kafka.*} properties. Every store shares one
 * password, new on every start. {@link #toString()} shows no secret. Immutable.
 */
public final class BrokerCredentials {

	/** The type of every trust and key store, for {@code *.type} settings. */
	public static final String STORE_TYPE = TlsStores.STORE_TYPE;

	private static final String SCRAM_LOGIN_MODULE = "org.apache.kafka.common.security.scram.ScramLoginModule";

	private final SecuredPorts ports;

	private final TlsStores tls;

	private final BrokerSecurity security;

	BrokerCredentials(SecuredPorts ports, TlsStores tls, BrokerSecurity security) {
		this.ports = ports;
		this.tls = tls;
		this.security = security;
	}

	/** Returns the {@code SASL_SSL} listener's address, {@code 127.0.0.1:port}. */
	public String saslSslBootstrapServers() {
		return address(this.ports.saslSsl());
	}

	/** Returns the mutual-TLS listener's address, if there is one. */
	public Optional<String> mutualTlsBootstrapServers() {
		return (this.ports.mutualTls() == SecuredPorts.OFF) ? Optional.empty()
				: Optional.of(address(this.ports.mutualTls()));
	}

	/** Returns the {@code PLAINTEXT} listener's address, if there is one. */
	public Optional<String> plaintextBootstrapServers() {
		return (this.ports.plaintext() == SecuredPorts.OFF) ? Optional.empty()
				: Optional.of(address(this.ports.plaintext()));
	}

	/** Returns the PKCS12 trust store holding the CA certificate. */
	public Path trustStore() {
		return this.tls.trustStore();
	}

	/** Returns the CA certificate in PEM ({@code ssl.ca.location} of librdkafka). */
	public Path caCertificatePem() {
		return this.tls.caCertificatePem();
	}

	/** Returns the password of the trust store, of every key store and of every key. */
	public String storePassword() {
		return this.tls.password();
	}

	/**
	 * Returns a mutual-TLS client's PKCS12 key store: its key and its certificate chain.
	 * @param client a name given to {@link BrokerSecurity#withMutualTls}
	 * @return the key store
	 */
	public Path keyStore(String client) {
		Path store = this.tls.clientKeyStores().get(client);
		if (store == null) {
			throw new IllegalArgumentException(
					"No client certificate for '" + client + "'; there are " + this.tls.clientKeyStores().keySet());
		}
		return store;
	}

	/** Returns the names of the mutual-TLS clients that have a certificate. */
	public Set<String> clientCertificates() {
		return this.security.clientCertificates();
	}

	/** Returns the super user's name (principal {@code User:name}). */
	public String superUser() {
		return this.security.superUser();
	}

	/** Returns every SCRAM user's name, the super user first. */
	public Set<String> users() {
		return this.security.scramUsers().keySet();
	}

	/**
	 * Returns a SCRAM user's password.
	 * @param user a user name, the super user's included
	 * @return the password
	 */
	public String password(String user) {
		String password = this.security.scramUsers().get(user);
		if (password == null) {
			throw new IllegalArgumentException("No SCRAM user '" + user + "'; there are " + users());
		}
		return password;
	}

	/**
	 * Kafka client properties for a SCRAM user on the {@code SASL_SSL} listener:
	 * {@code bootstrap.servers}, {@code security.protocol}, {@code sasl.mechanism},
	 * {@code sasl.jaas.config} and the trust store.
	 * @param user a user name, the super user's included
	 * @return a new, mutable map
	 */
	public Map<String, Object> saslSslClientProperties(String user) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, saslSslBootstrapServers());
		properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_SSL.name);
		properties.put(SaslConfigs.SASL_MECHANISM, BrokerSecurity.SCRAM_MECHANISM);
		properties.put(SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password(user)));
		properties.putAll(trustStoreProperties());
		return properties;
	}

	/**
	 * Kafka client properties for the super user on the {@code SASL_SSL} listener, for
	 * administration (topics, ACLs).
	 * @return a new, mutable map
	 */
	public Map<String, Object> superUserClientProperties() {
		return saslSslClientProperties(superUser());
	}

	/**
	 * Kafka client properties for a mutual-TLS client: {@code bootstrap.servers},
	 * {@code security.protocol=SSL}, the trust store and the client's key store.
	 * @param client a name given to {@link BrokerSecurity#withMutualTls}
	 * @return a new, mutable map
	 */
	public Map<String, Object> mutualTlsClientProperties(String client) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, mutualTlsBootstrapServers()
			.orElseThrow(() -> new IllegalStateException("This broker has no mutual-TLS listener")));
		properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SSL.name);
		properties.putAll(trustStoreProperties());
		properties.putAll(keyStoreProperties(keyStore(client)));
		return properties;
	}

	/**
	 * The standard Spring Boot properties that connect a Boot application's Kafka clients
	 * to the {@code SASL_SSL} listener as a SCRAM user.
	 * @param user a user name, the super user's included
	 * @return {@code spring.kafka.*} keys and values, in a new, mutable map
	 */
	public Map<String, String> springSaslSslProperties(String user) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", saslSslBootstrapServers());
		properties.put("spring.kafka.security.protocol", SecurityProtocol.SASL_SSL.name);
		properties.put("spring.kafka.properties." + SaslConfigs.SASL_MECHANISM, BrokerSecurity.SCRAM_MECHANISM);
		properties.put("spring.kafka.properties." + SaslConfigs.SASL_JAAS_CONFIG, jaasConfig(user, password(user)));
		properties.putAll(springTrustStoreProperties());
		return properties;
	}

	/**
	 * The standard Spring Boot properties that connect a Boot application's Kafka clients
	 * to the mutual-TLS listener with a client certificate.
	 * @param client a name given to {@link BrokerSecurity#withMutualTls}
	 * @return {@code spring.kafka.*} keys and values, in a new, mutable map
	 */
	public Map<String, String> springMutualTlsProperties(String client) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", mutualTlsBootstrapServers()
			.orElseThrow(() -> new IllegalStateException("This broker has no mutual-TLS listener")));
		properties.put("spring.kafka.security.protocol", SecurityProtocol.SSL.name);
		properties.putAll(springTrustStoreProperties());
		properties.put("spring.kafka.ssl.key-store-location", keyStore(client).toUri().toString());
		properties.put("spring.kafka.ssl.key-store-password", storePassword());
		properties.put("spring.kafka.ssl.key-store-type", STORE_TYPE);
		properties.put("spring.kafka.ssl.key-password", storePassword());
		return properties;
	}

	/**
	 * A server-side TLS context holding the broker's certificate (valid for
	 * {@code 127.0.0.1} and {@code localhost}) and trusting client certificates of the
	 * broker's CA: for a registry or any HTTPS server on this host that the same trust
	 * store and client key stores should work with.
	 * @return a new context
	 */
	public SSLContext serverSslContext() {
		return this.tls.serverContext();
	}

	/**
	 * The JAAS line of a SCRAM client, its values quoted and escaped.
	 * @param user the user name
	 * @param password the password
	 * @return the {@code sasl.jaas.config} value
	 */
	public static String jaasConfig(String user, String password) {
		return SCRAM_LOGIN_MODULE + " required username=\"" + quoted(user) + "\" password=\"" + quoted(password)
				+ "\";";
	}

	/**
	 * Client properties over the internal listener as the broker itself: a super user.
	 */
	Map<String, Object> brokerClientProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, address(this.ports.internal()));
		properties.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SSL.name);
		properties.putAll(trustStoreProperties());
		properties.putAll(keyStoreProperties(this.tls.brokerKeyStore()));
		return properties;
	}

	private Map<String, Object> trustStoreProperties() {
		return Map.of(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, trustStore().toString(),
				SslConfigs.SSL_TRUSTSTORE_PASSWORD_CONFIG, storePassword(), SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG,
				STORE_TYPE);
	}

	private Map<String, Object> keyStoreProperties(Path keyStore) {
		return Map.of(SslConfigs.SSL_KEYSTORE_LOCATION_CONFIG, keyStore.toString(),
				SslConfigs.SSL_KEYSTORE_PASSWORD_CONFIG, storePassword(), SslConfigs.SSL_KEYSTORE_TYPE_CONFIG,
				STORE_TYPE, SslConfigs.SSL_KEY_PASSWORD_CONFIG, storePassword());
	}

	private Map<String, String> springTrustStoreProperties() {
		return Map.of("spring.kafka.ssl.trust-store-location", trustStore().toUri().toString(),
				"spring.kafka.ssl.trust-store-password", storePassword(), "spring.kafka.ssl.trust-store-type",
				STORE_TYPE);
	}

	private static String address(int port) {
		return BrokerSettings.HOST + ":" + port;
	}

	/** Escapes what Kafka's JAAS parser (a {@code StreamTokenizer}) unescapes. */
	private static String quoted(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	@Override
	public String toString() {
		return "BrokerCredentials[saslSsl=" + saslSslBootstrapServers() + ", mutualTls="
				+ mutualTlsBootstrapServers().orElse("off") + ", plaintext=" + plaintextBootstrapServers().orElse("off")
				+ ", trustStore=" + trustStore() + ", superUser=" + superUser() + ", users=" + users()
				+ ", clientCertificates=" + clientCertificates() + "]";
	}

}
