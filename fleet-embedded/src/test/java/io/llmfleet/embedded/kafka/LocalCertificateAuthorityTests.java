package io.llmfleet.embedded.kafka;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalCertificateAuthorityTests {

	private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

	private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	private final LocalCertificateAuthority ca = LocalCertificateAuthority.create("test CA", Duration.ofDays(2));

	@Test
	void caCertificateIsASelfSignedCertificateAuthority() throws Exception {
		X509Certificate certificate = this.ca.certificate();

		certificate.verify(certificate.getPublicKey());
		assertThat(certificate.getBasicConstraints()).isGreaterThanOrEqualTo(0);
		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=test CA");
		assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
		// keyCertSign and cRLSign only.
		assertThat(certificate.getKeyUsage()).startsWith(false, false, false, false, false, true, true);
		assertThat(certificate.getCriticalExtensionOIDs()).contains("2.5.29.19", "2.5.29.15");
	}

	@Test
	void brokerCertificateServesLoopbackAndAuthenticatesAsAClient() throws Exception {
		X509Certificate broker = this.ca.issueServer("fleet-broker").chain()[0];

		assertThat(broker.getSubjectX500Principal().getName()).isEqualTo("CN=fleet-broker");
		assertThat(broker.getBasicConstraints()).isEqualTo(-1);
		assertThat(broker.getExtendedKeyUsage()).containsExactly(SERVER_AUTH, CLIENT_AUTH);
		assertThat(broker.getSubjectAlternativeNames()).containsExactlyInAnyOrder(List.of(7, "127.0.0.1"),
				List.of(2, "localhost"));
		assertThat(broker.getKeyUsage()[0]).as("digitalSignature").isTrue();
		assertThat(broker.getNotAfter()).isAfter(broker.getNotBefore());
		validate(this.ca.issueServer("fleet-broker").chain(), this.ca.certificate());
	}

	@Test
	void clientCertificateIsForClientAuthenticationOnly() throws Exception {
		LocalCertificateAuthority.IssuedKey client = this.ca.issueClient("worker-gpu0");
		X509Certificate certificate = client.chain()[0];

		assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=worker-gpu0");
		assertThat(certificate.getExtendedKeyUsage()).containsExactly(CLIENT_AUTH);
		assertThat(certificate.getSubjectAlternativeNames()).isNull();
		assertThat(client.chain()[1]).isEqualTo(this.ca.certificate());
		assertThat(client.key().getAlgorithm()).isEqualTo("EC");
		validate(client.chain(), this.ca.certificate());
	}

	@Test
	void anotherAuthoritysCertificatesDoNotValidate() {
		LocalCertificateAuthority other = LocalCertificateAuthority.create("test CA", Duration.ofDays(2));

		assertThatExceptionOfType(CertPathValidatorException.class)
			.isThrownBy(() -> validate(other.issueClient("worker-gpu0").chain(), this.ca.certificate()));
	}

	@Test
	void everyCertificateGetsItsOwnSerialNumber() {
		assertThat(this.ca.issueClient("a").chain()[0].getSerialNumber())
			.isNotEqualTo(this.ca.issueClient("a").chain()[0].getSerialNumber())
			.isPositive();
	}

	/** PKIX path validation as TLS does it, revocation aside (there is no CRL here). */
	private static void validate(X509Certificate[] chain, X509Certificate anchor) throws GeneralSecurityException {
		PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(anchor, null)));
		parameters.setRevocationEnabled(false);
		CertPathValidator.getInstance("PKIX")
			.validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(chain[0])), parameters);
	}

}
