package io.llmfleet.embedded.kafka;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

import kafka.server.KafkaConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerSettingsTests {

	@TempDir
	Path dir;

	@Test
	void plainBrokerHasOnePlaintextListenerAndNoAuthorizer() {
		Map<String, String> properties = BrokerSettings.properties(this.dir, 9092, 9093, Map.of());

		assertThat(properties).containsEntry("listeners", "PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093")
			.containsEntry("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT")
			.doesNotContainKeys("authorizer.class.name", "super.users", "ssl.keystore.location");
	}

	@Test
	void securedBrokerListensOnLoopbackWithTlsEverywhereButPlaintextAndEnforcesAcls() {
		TlsStores tls = TlsStores.generate(this.dir, BrokerSecurity.BROKER_PRINCIPAL, List.of("worker"));
		BrokerSecurity security = BrokerSecurity.saslSsl().withMutualTls(0, "worker").withPlaintextListener(0);

		Map<String, String> properties = BrokerSettings.securedProperties(this.dir, new SecuredPorts(1, 2, 3, 4, 5),
				tls, security, Map.of());

		assertThat(properties)
			.containsEntry("listeners",
					"PLAINTEXT://127.0.0.1:2,SASL_SSL://127.0.0.1:1,MTLS://127.0.0.1:3,INTERNAL://127.0.0.1:4,"
							+ "CONTROLLER://127.0.0.1:5")
			.containsEntry("advertised.listeners",
					"PLAINTEXT://127.0.0.1:2,SASL_SSL://127.0.0.1:1,MTLS://127.0.0.1:3,INTERNAL://127.0.0.1:4")
			.containsEntry("listener.security.protocol.map",
					"PLAINTEXT:PLAINTEXT,SASL_SSL:SASL_SSL,MTLS:SSL,INTERNAL:SSL,CONTROLLER:SSL")
			.containsEntry("listener.name.mtls.ssl.client.auth", "required")
			.containsEntry("listener.name.internal.ssl.client.auth", "required")
			.containsEntry("listener.name.controller.ssl.client.auth", "required")
			.doesNotContainKey("listener.name.sasl_ssl.ssl.client.auth")
			.containsEntry("listener.name.sasl_ssl.sasl.enabled.mechanisms", "SCRAM-SHA-512")
			.containsEntry("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
			.containsEntry("super.users", "User:fleet-broker;User:admin")
			.containsEntry("allow.everyone.if.no.acl.found", "false");
		// Kafka's own validation accepts the combination.
		KafkaConfig config = new KafkaConfig(properties, false);
		assertThat(config.interBrokerListenerName().value()).isEqualTo("INTERNAL");
		assertThat(config.controllerListenerNames()).containsExactly("CONTROLLER");
	}

	@Test
	void withoutOptionalListenersOnlySaslSslIsOpenToClients() {
		TlsStores tls = TlsStores.generate(this.dir, BrokerSecurity.BROKER_PRINCIPAL, List.of());

		Map<String, String> properties = BrokerSettings.securedProperties(this.dir,
				new SecuredPorts(1, SecuredPorts.OFF, SecuredPorts.OFF, 4, 5), tls, BrokerSecurity.saslSsl(),
				Map.of("super.users", "User:fleet-broker"));

		assertThat(properties).containsEntry("advertised.listeners", "SASL_SSL://127.0.0.1:1,INTERNAL://127.0.0.1:4")
			.doesNotContainKey("listener.name.mtls.ssl.client.auth")
			.containsEntry("super.users", "User:fleet-broker");
		new KafkaConfig(properties, false);
	}

	@Test
	void storesAreOwnerOnlyPkcs12AndThePemIsTheTrustedCa() throws Exception {
		TlsStores tls = TlsStores.generate(this.dir, BrokerSecurity.BROKER_PRINCIPAL, List.of("worker"));

		KeyStore trust = load(tls.trustStore(), tls.password());
		X509Certificate ca = (X509Certificate) trust.getCertificate("ca");
		KeyStore broker = load(tls.brokerKeyStore(), tls.password());
		KeyStore worker = load(tls.clientKeyStores().get("worker"), tls.password());
		try (var in = Files.newInputStream(tls.caCertificatePem())) {
			assertThat(CertificateFactory.getInstance("X.509").generateCertificate(in)).isEqualTo(ca);
		}
		assertThat(broker.getCertificateChain(TlsStores.BROKER_ALIAS)).hasSize(2).endsWith(ca);
		assertThat(broker.getKey(TlsStores.BROKER_ALIAS, tls.password().toCharArray())).isNotNull();
		assertThat(worker.getCertificateChain("worker")[1]).isEqualTo(ca);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tls.brokerKeyStore())))
			.isEqualTo("rw-------");
		assertThat(tls.toString()).doesNotContain(tls.password());
	}

	@Test
	void everyStartMakesANewAuthorityAndPassword() {
		TlsStores first = TlsStores.generate(this.dir, BrokerSecurity.BROKER_PRINCIPAL, List.of());
		X509Certificate firstCa = (X509Certificate) certificate(first);

		TlsStores second = TlsStores.generate(this.dir, BrokerSecurity.BROKER_PRINCIPAL, List.of());

		assertThat(second.password()).isNotEqualTo(first.password());
		assertThat(certificate(second)).isNotEqualTo(firstCa);
	}

	private static java.security.cert.Certificate certificate(TlsStores tls) {
		try {
			return load(tls.trustStore(), tls.password()).getCertificate("ca");
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyStore load(Path path, String password) throws Exception {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try (var in = Files.newInputStream(path)) {
			store.load(in, password.toCharArray());
		}
		return store;
	}

}
