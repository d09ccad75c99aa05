package io.llmfleet.schemas.registry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import javax.net.ssl.SSLContext;

import org.apache.kafka.common.config.ConfigException;

/**
 * How a {@link RestSchemaRegistryClient} reaches the registry: base URLs, credentials,
 * TLS and retries, read from a Kafka client configuration under Confluent's own property
 * names, so that one configuration serves Confluent's serializers and ours. See
 * {@link BasicAuthCredentials} for {@code basic.auth.*}; the TLS keys are
 * {@code schema.registry.ssl.truststore.location/password/type},
 * {@code schema.registry.ssl.keystore.location/password/type},
 * {@code schema.registry.ssl.key.password} and {@code schema.registry.ssl.protocol}.
 *
 * @param urls the registry base URLs without user info, each ending in {@code /}; a
 * failed call moves on to the next one
 * @param credentials basic-auth credentials, if any
 * @param sslContext the TLS context for {@code https} URLs; empty means the JDK default
 * @param retry how calls that failed for a passing reason are retried
 * @param requestTimeout the limit for connecting and for each request
 */
public record RegistryClientConfig(List<URI> urls, Optional<BasicAuthCredentials> credentials,
		Optional<SSLContext> sslContext, RetryPolicy retry, Duration requestTimeout) {

	/**
	 * Comma-separated base URLs of the registry; user info in them is used as
	 * credentials.
	 */
	public static final String URL = "schema.registry.url";

	/** Retries after a failed attempt (default 3), as in Confluent's clients. */
	public static final String MAX_RETRIES = "max.retries";

	/** Wait before the first retry in ms (default 1000); doubles on every retry. */
	public static final String RETRIES_WAIT_MS = "retries.wait.ms";

	/** Longest wait between retries in ms (default 20000). */
	public static final String RETRIES_MAX_WAIT_MS = "retries.max.wait.ms";

	/** Limit for connecting and for each request when none is given. */
	public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

	public RegistryClientConfig {
		if (urls.isEmpty()) {
			throw new IllegalArgumentException("A registry client needs at least one URL");
		}
		urls = List.copyOf(urls);
	}

	/**
	 * Reads the settings from a Kafka client configuration.
	 * @param configs the configuration, as Kafka hands it to a serializer
	 * @return the settings
	 * @throws ConfigException naming the key and quoting the value that is wrong
	 */
	public static RegistryClientConfig from(Map<String, ?> configs) {
		ConfigValues values = new ConfigValues(configs);
		List<URI> configured = parseUrls(values.string(URL)
			.orElseThrow(() -> new ConfigException(URL, configs.get(URL), "is required by the llm-fleet Avro serde")));
		RetryPolicy retry = new RetryPolicy(values.integer(MAX_RETRIES, RetryPolicy.DEFAULT.maxRetries(), 0),
				Duration
					.ofMillis(values.integer(RETRIES_WAIT_MS, (int) RetryPolicy.DEFAULT.initialWait().toMillis(), 0)),
				Duration
					.ofMillis(values.integer(RETRIES_MAX_WAIT_MS, (int) RetryPolicy.DEFAULT.maxWait().toMillis(), 0)));
		return new RegistryClientConfig(configured.stream().map(RegistryClientConfig::withoutUserInfo).toList(),
				BasicAuthCredentials.from(values, configured), RegistryTls.from(values), retry,
				DEFAULT_REQUEST_TIMEOUT);
	}

	/**
	 * Settings for one URL with Confluent's defaults otherwise.
	 * @param url the registry base URL, optionally with {@code user:secret@}
	 * @return the settings
	 */
	public static RegistryClientConfig of(String url) {
		return from(Map.of(URL, url));
	}

	/** These settings with another retry policy. */
	public RegistryClientConfig withRetry(RetryPolicy policy) {
		return new RegistryClientConfig(this.urls, this.credentials, this.sslContext, policy, this.requestTimeout);
	}

	/** These settings with another request timeout. */
	public RegistryClientConfig withRequestTimeout(Duration timeout) {
		return new RegistryClientConfig(this.urls, this.credentials, this.sslContext, this.retry, timeout);
	}

	private static List<URI> parseUrls(String text) {
		List<URI> urls = new ArrayList<>();
		for (String part : text.split(",")) {
			if (part.isBlank()) {
				continue;
			}
			URI url;
			try {
				url = new URI(part.trim());
			}
			catch (URISyntaxException ex) {
				throw new ConfigException(URL, masked(text), "holds a malformed URL: " + ex.getReason());
			}
			String scheme = (url.getScheme() != null) ? url.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
				throw new ConfigException(URL, masked(text), "must hold http:// or https:// URLs with a host");
			}
			urls.add(url);
		}
		if (urls.isEmpty()) {
			throw new ConfigException(URL, masked(text), "holds no URL");
		}
		return urls;
	}

	/** Drops user info (sent as a header instead) and ends the path with a slash. */
	private static URI withoutUserInfo(URI url) {
		String path = (url.getPath() == null || url.getPath().isEmpty()) ? "/" : url.getPath();
		try {
			return new URI(url.getScheme().toLowerCase(Locale.ROOT), null, url.getHost(), url.getPort(),
					path.endsWith("/") ? path : path + "/", null, null);
		}
		catch (URISyntaxException ex) {
			throw new ConfigException(URL, url.getHost(), "cannot be rebuilt without user info: " + ex.getMessage());
		}
	}

	/** The URLs with any password replaced, for error messages. */
	private static String masked(String urls) {
		return urls.replaceAll("//([^/@:]*):[^/@]*@", "//$1:(hidden)@");
	}

}
