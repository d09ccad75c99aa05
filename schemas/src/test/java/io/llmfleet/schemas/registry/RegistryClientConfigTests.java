package io.llmfleet.schemas.registry;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RegistryClientConfigTests {

	@Test
	void readsACommaSeparatedUrlListWithoutUserInfo() {
		RegistryClientConfig config = RegistryClientConfig
			.from(Map.of("schema.registry.url", "http://fleet:s3cret@a:8081, https://b:8082/registry"));

		assertThat(config.urls()).containsExactly(URI.create("http://a:8081/"), URI.create("https://b:8082/registry/"));
		assertThat(config.credentials()).contains(new BasicAuthCredentials("fleet", "s3cret"));
	}

	@Test
	void aUrlListBuiltInCodeIsReadToo() {
		assertThat(RegistryClientConfig.from(Map.of("schema.registry.url", List.of("http://a:8081", "http://b:8081")))
			.urls()).containsExactly(URI.create("http://a:8081/"), URI.create("http://b:8081/"));
	}

	@Test
	void defaultsAreConfluents() {
		RegistryClientConfig config = RegistryClientConfig.of("http://127.0.0.1:8081");

		assertThat(config.retry()).isEqualTo(RetryPolicy.DEFAULT);
		assertThat(config.retry().maxRetries()).isEqualTo(3);
		assertThat(config.credentials()).isEmpty();
		assertThat(config.sslContext()).isEmpty();
		assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void aUrlIsRequired() {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(() -> RegistryClientConfig.from(Map.of()))
			.withMessageContaining("schema.registry.url")
			.withMessageContaining("required");
	}

	@Test
	void aUrlThatIsNotHttpIsRefusedWithoutShowingItsPassword() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "ftp://fleet:s3cret@a:21")))
			.withMessageContaining("http:// or https://")
			.withMessageContaining("fleet:(hidden)@a:21")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void retrySettingsUseConfluentsNames() {
		RegistryClientConfig config = RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081",
				"max.retries", "5", "retries.wait.ms", 20, "retries.max.wait.ms", "300"));

		assertThat(config.retry()).isEqualTo(new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(300)));
	}

	@Test
	void aNegativeRetryCountIsRefused() {
		assertThatExceptionOfType(ConfigException.class).isThrownBy(
				() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081", "max.retries", "-1")))
			.withMessageContaining("max.retries")
			.withMessageContaining("-1");
	}

	@Test
	void userInfoSourceTakesTheUserInfoSettingUnderEitherName() {
		assertThat(RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081",
				"basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", new Password("fleet:s3:cret")))
			.credentials()).contains(new BasicAuthCredentials("fleet", "s3:cret"));
		assertThat(RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081",
				"basic.auth.credentials.source", "user_info", "schema.registry.basic.auth.user.info", "old:style"))
			.credentials()).contains(new BasicAuthCredentials("old", "style"));
	}

	@Test
	void userInfoSourceWithoutUserInfoIsRefused() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistryClientConfig
				.from(Map.of("schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "USER_INFO")))
			.withMessageContaining("basic.auth.user.info")
			.withMessageContaining("user:secret");
	}

	@Test
	void malformedUserInfoIsRefusedWithoutShowingIt() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistryClientConfig.from(Map.of("schema.registry.url", "http://a:8081",
					"basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "s3cret")))
			.withMessageContaining("user:secret")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void saslInheritAndUnknownSourcesAreRefused() {
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistryClientConfig
				.from(Map.of("schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "SASL_INHERIT")))
			.withMessageContaining("not supported");
		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistryClientConfig
				.from(Map.of("schema.registry.url", "http://a:8081", "basic.auth.credentials.source", "TOKEN")))
			.withMessageContaining("USER_INFO or URL");
	}

	@Test
	void credentialsNeverPrintTheirPassword() {
		assertThat(new BasicAuthCredentials("fleet", "s3cret"))
			.hasToString("BasicAuthCredentials[user=fleet, password=(hidden)]");
	}

	@Test
	void aTrustStoreThatCannotBeReadIsNamedInTheError(@TempDir Path dir) {
		String missing = dir.resolve("missing.p12").toString();

		assertThatExceptionOfType(ConfigException.class)
			.isThrownBy(() -> RegistryClientConfig
				.from(Map.of("schema.registry.url", "https://a:8081", "schema.registry.ssl.truststore.location",
						missing, "schema.registry.ssl.truststore.type", "PKCS12")))
			.withMessageContaining("schema.registry.ssl.truststore.location")
			.withMessageContaining(missing)
			.withMessageContaining("NoSuchFileException");
	}

}
