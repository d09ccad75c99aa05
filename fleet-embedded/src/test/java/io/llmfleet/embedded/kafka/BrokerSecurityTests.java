package io.llmfleet.embedded.kafka;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class BrokerSecurityTests {

	@TempDir
	Path dir;

	@Test
	void defaultsAreASaslSslListenerAndARandomSuperUserPassword() {
		BrokerSecurity first = BrokerSecurity.saslSsl();

		assertThat(first.superUser()).isEqualTo("admin");
		assertThat(first.superUserPassword()).hasSizeGreaterThanOrEqualTo(20)
			.isNotEqualTo(BrokerSecurity.saslSsl().superUserPassword());
		assertThat(first.mutualTls()).isFalse();
		assertThat(first.plaintext()).isFalse();
		assertThat(first.scramUsers()).containsOnlyKeys("admin");
	}

	@Test
	void usersAreKeptInOrderWithTheSuperUserFirstAndNeverPrinted() {
		BrokerSecurity security = BrokerSecurity.saslSsl()
			.withUser("classifier-service", "c-secret")
			.withUser("svc@corp.example", "s-secret")
			.withSuperUser("root", "r-secret");

		assertThat(security.scramUsers()).containsExactly(Map.entry("root", "r-secret"),
				Map.entry("classifier-service", "c-secret"), Map.entry("svc@corp.example", "s-secret"));
		assertThat(security.toString()).contains("classifier-service").doesNotContain("secret");
	}

	@Test
	void badNamesPasswordsAndPortsAreRefusedNamingTheValue() {
		BrokerSecurity security = BrokerSecurity.saslSsl();

		assertThatIllegalArgumentException().isThrownBy(() -> security.withUser("a,b", "x"))
			.withMessageContaining("'a,b'");
		assertThatIllegalArgumentException().isThrownBy(() -> security.withUser("ok", ""))
			.withMessageContaining("'ok'");
		assertThatIllegalArgumentException().isThrownBy(() -> security.withUser("admin", "x"))
			.withMessageContaining("taken");
		assertThatIllegalArgumentException().isThrownBy(() -> security.withUser("fleet-broker", "x"))
			.withMessageContaining("taken");
		assertThatIllegalArgumentException().isThrownBy(() -> security.withMutualTls(0, "CN=x"))
			.withMessageContaining("'CN=x'");
		assertThatIllegalArgumentException().isThrownBy(() -> security.withMutualTls(0, "fleet-broker"))
			.withMessageContaining("broker");
		assertThatIllegalArgumentException().isThrownBy(() -> security.withPlaintextListener(70000))
			.withMessageContaining("70000");
	}

	@Test
	void jaasConfigSurvivesKafkasParserWithQuotesAndBackslashesInThePassword() {
		String password = "p\"a\\ss word;";

		AppConfigurationEntry entry = JaasContext
			.loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG,
					new Password(BrokerCredentials.jaasConfig("svc@corp.example", password))))
			.configurationEntries()
			.get(0);

		assertThat(entry.getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
		assertThat(entry.getControlFlag()).isEqualTo(AppConfigurationEntry.LoginModuleControlFlag.REQUIRED);
		assertThat(entry.getOptions().get("username")).isEqualTo("svc@corp.example");
		assertThat(entry.getOptions().get("password")).isEqualTo(password);
	}

	@Test
	void credentialsGiveClientAndSpringPropertiesWithoutShowingSecrets() {
		BrokerSecurity security = BrokerSecurity.saslSsl().withUser("svc", "svc-secret").withMutualTls(0, "worker");
		TlsStores tls = TlsStores.generate(this.dir, BrokerSecurity.BROKER_PRINCIPAL, List.of("worker"));
		BrokerCredentials credentials = new BrokerCredentials(
				new SecuredPorts(9093, SecuredPorts.OFF, 9094, 9095, 9096), tls, security);

		assertThat(credentials.saslSslClientProperties("svc")).containsEntry("bootstrap.servers", "127.0.0.1:9093")
			.containsEntry("security.protocol", "SASL_SSL")
			.containsEntry("sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("sasl.jaas.config", BrokerCredentials.jaasConfig("svc", "svc-secret"))
			.containsEntry("ssl.truststore.location", tls.trustStore().toString())
			.containsEntry("ssl.truststore.type", "PKCS12");
		assertThat(credentials.mutualTlsClientProperties("worker")).containsEntry("bootstrap.servers", "127.0.0.1:9094")
			.containsEntry("security.protocol", "SSL")
			.containsEntry("ssl.keystore.location", tls.clientKeyStores().get("worker").toString());
		assertThat(credentials.springSaslSslProperties("svc"))
			.containsEntry("spring.kafka.security.protocol", "SASL_SSL")
			.containsEntry("spring.kafka.properties.sasl.mechanism", "SCRAM-SHA-512")
			.containsEntry("spring.kafka.ssl.trust-store-location", tls.trustStore().toUri().toString());
		assertThat(credentials.springMutualTlsProperties("worker"))
			.containsEntry("spring.kafka.security.protocol", "SSL")
			.containsEntry("spring.kafka.ssl.key-store-location",
					tls.clientKeyStores().get("worker").toUri().toString());
		assertThat(credentials.plaintextBootstrapServers()).isEmpty();
		assertThatIllegalArgumentException().isThrownBy(() -> credentials.password("nobody"))
			.withMessageContaining("nobody");
		assertThatIllegalArgumentException().isThrownBy(() -> credentials.keyStore("nobody"))
			.withMessageContaining("worker");
		assertThat(credentials.toString()).doesNotContain("svc-secret", tls.password(), security.superUserPassword());
	}

	@Test
	void mutualTlsPropertiesNeedAMutualTlsListener() {
		TlsStores tls = TlsStores.generate(this.dir, BrokerSecurity.BROKER_PRINCIPAL, List.of());
		BrokerCredentials credentials = new BrokerCredentials(
				new SecuredPorts(9093, SecuredPorts.OFF, SecuredPorts.OFF, 9095, 9096), tls, BrokerSecurity.saslSsl());

		assertThatIllegalStateException().isThrownBy(() -> credentials.springMutualTlsProperties("any"))
			.withMessageContaining("no mutual-TLS listener");
	}

}
