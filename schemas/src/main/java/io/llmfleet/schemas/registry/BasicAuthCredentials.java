package io.llmfleet.schemas.registry;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.kafka.common.config.ConfigException;

/**
 * HTTP basic-auth credentials for the schema registry, found the way Confluent's clients
 * find them: {@code basic.auth.credentials.source=USER_INFO} takes
 * {@code basic.auth.user.info=user:secret}; {@code URL} (the default) takes the user info
 * of {@code schema.registry.url} ({@code https://user:secret@host:8081}), and means no
 * credentials when the URL has none. The password never appears in {@link #toString()} or
 * in error messages.
 *
 * @param user the user name
 * @param password the password
 */
public record BasicAuthCredentials(String user, String password) {

	/** Where the credentials come from: {@code URL} (default) or {@code USER_INFO}. */
	public static final String SOURCE = "basic.auth.credentials.source";

	/** {@code user:secret}, read when the source is {@code USER_INFO}. */
	public static final String USER_INFO = "basic.auth.user.info";

	/** The older, prefixed name of {@link #USER_INFO}, still accepted by Confluent. */
	public static final String PREFIXED_USER_INFO = "schema.registry.basic.auth.user.info";

	/**
	 * Finds the configured credentials.
	 * @param configs the client configuration
	 * @param urls the registry URLs as configured, user info included
	 * @return the credentials, empty when none are configured
	 * @throws ConfigException for an unknown source or malformed user info
	 */
	static Optional<BasicAuthCredentials> from(ConfigValues configs, List<URI> urls) {
		String source = configs.string(SOURCE).orElse("URL").toUpperCase(Locale.ROOT);
		return switch (source) {
			case "USER_INFO" -> Optional.of(parse(USER_INFO,
					configs.string(USER_INFO, PREFIXED_USER_INFO)
						.orElseThrow(() -> new ConfigException(USER_INFO, null,
								"is required when " + SOURCE + "=USER_INFO; give it as user:secret"))));
			case "URL" -> urls.stream()
				.map(URI::getUserInfo)
				.filter((userInfo) -> userInfo != null && !userInfo.isEmpty())
				.findFirst()
				.map((userInfo) -> parse("schema.registry.url", userInfo));
			case "SASL_INHERIT" -> throw new ConfigException(SOURCE, source,
					"is not supported by the llm-fleet registry client; use USER_INFO or URL");
			default -> throw new ConfigException(SOURCE, source, "must be USER_INFO or URL");
		};
	}

	private static BasicAuthCredentials parse(String key, String userInfo) {
		int colon = userInfo.indexOf(':');
		if (colon <= 0) {
			throw new ConfigException(key, masked(userInfo), "must hold user info as user:secret");
		}
		return new BasicAuthCredentials(userInfo.substring(0, colon), userInfo.substring(colon + 1));
	}

	/** The value of the {@code Authorization} header. */
	String header() {
		String token = this.user + ":" + this.password;
		return "Basic " + Base64.getEncoder().encodeToString(token.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public String toString() {
		return "BasicAuthCredentials[user=" + this.user + ", password=(hidden)]";
	}

	private static String masked(String userInfo) {
		int colon = userInfo.indexOf(':');
		return (colon < 0) ? "(hidden)" : userInfo.substring(0, colon) + ":(hidden)";
	}

}
