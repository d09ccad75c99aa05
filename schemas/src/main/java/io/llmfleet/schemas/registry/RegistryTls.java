package io.llmfleet.schemas.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.apache.kafka.common.config.ConfigException;

/**
 * Builds the TLS context for an {@code https} registry from Confluent's
 * {@code schema.registry.ssl.*} keys, the Kafka {@code ssl.*} keys under the registry
 * client's prefix: a trust store for registries whose certificate the JDK does not
 * already trust, and a key store (with {@code key.password}) for mutual TLS. Without any
 * of them the JDK's default context is used. A file that cannot be read, or a wrong
 * password, stops configuration with the key that names it.
 */
final class RegistryTls {

	static final String TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";

	static final String TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";

	static final String TRUSTSTORE_TYPE = "schema.registry.ssl.truststore.type";

	static final String KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";

	static final String KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";

	static final String KEYSTORE_TYPE = "schema.registry.ssl.keystore.type";

	static final String KEY_PASSWORD = "schema.registry.ssl.key.password";

	static final String PROTOCOL = "schema.registry.ssl.protocol";

	/** Kafka's default store type. */
	private static final String DEFAULT_TYPE = "JKS";

	private RegistryTls() {
	}

	/**
	 * Builds the context, or returns empty when no trust store or key store is set.
	 * @throws ConfigException when a store cannot be loaded
	 */
	static Optional<SSLContext> from(ConfigValues configs) {
		Optional<String> truststore = configs.string(TRUSTSTORE_LOCATION);
		Optional<String> keystore = configs.string(KEYSTORE_LOCATION);
		if (truststore.isEmpty() && keystore.isEmpty()) {
			return Optional.empty();
		}
		TrustManager[] trustManagers = null;
		if (truststore.isPresent()) {
			KeyStore store = load(TRUSTSTORE_LOCATION, truststore.get(),
					configs.string(TRUSTSTORE_TYPE).orElse(DEFAULT_TYPE),
					configs.string(TRUSTSTORE_PASSWORD).orElse(null));
			trustManagers = trustManagers(store);
		}
		KeyManager[] keyManagers = null;
		if (keystore.isPresent()) {
			String storePassword = configs.string(KEYSTORE_PASSWORD).orElse(null);
			KeyStore store = load(KEYSTORE_LOCATION, keystore.get(), configs.string(KEYSTORE_TYPE).orElse(DEFAULT_TYPE),
					storePassword);
			keyManagers = keyManagers(store, configs.string(KEY_PASSWORD).orElse(storePassword));
		}
		String protocol = configs.string(PROTOCOL).orElse("TLS");
		try {
			SSLContext context = SSLContext.getInstance(protocol);
			context.init(keyManagers, trustManagers, null);
			return Optional.of(context);
		}
		catch (GeneralSecurityException ex) {
			throw new ConfigException(PROTOCOL, protocol, "cannot create a TLS context: " + ex.getMessage());
		}
	}

	private static KeyStore load(String key, String location, String type, String password) {
		try (InputStream in = Files.newInputStream(Path.of(location))) {
			KeyStore store = KeyStore.getInstance(type);
			store.load(in, (password != null) ? password.toCharArray() : null);
			return store;
		}
		catch (IOException | GeneralSecurityException ex) {
			// A missing file says only its path, a wrong password "keystore password was
			// incorrect": the exception's class name makes either readable.
			throw new ConfigException(key, location, "cannot be loaded as a " + type + " store: "
					+ ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
	}

	private static TrustManager[] trustManagers(KeyStore store) {
		try {
			TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			factory.init(store);
			return factory.getTrustManagers();
		}
		catch (GeneralSecurityException ex) {
			throw new ConfigException(TRUSTSTORE_LOCATION, null, "holds no usable certificates: " + ex.getMessage());
		}
	}

	private static KeyManager[] keyManagers(KeyStore store, String keyPassword) {
		try {
			KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			factory.init(store, (keyPassword != null) ? keyPassword.toCharArray() : null);
			return factory.getKeyManagers();
		}
		catch (GeneralSecurityException ex) {
			throw new ConfigException(KEY_PASSWORD, "(hidden)",
					"does not unlock the key store's key: " + ex.getMessage());
		}
	}

}
