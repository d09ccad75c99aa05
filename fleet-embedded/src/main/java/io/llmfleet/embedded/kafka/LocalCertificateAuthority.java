package io.llmfleet.embedded.kafka;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * A throw-away certificate authority made in memory with the JDK's public APIs only (EC
 * P-256 keys, SHA-256 with ECDSA): a self-signed CA certificate and the certificates it
 * issues, for the broker (server and client authentication, valid for {@code 127.0.0.1}
 * and {@code localhost}) and for mutual-TLS clients (client authentication, the subject's
 * common name being the Kafka principal). The certificates are assembled in DER by
 * {@link Der} and parsed back by the JDK's {@link CertificateFactory}, which checks their
 * structure; no subprocess and no JDK internals. The CA's private key never leaves
 * memory.
 */
final class LocalCertificateAuthority {

	private static final String KEY_ALGORITHM = "EC";

	private static final String CURVE = "secp256r1";

	private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";

	private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

	private static final String COMMON_NAME = "2.5.4.3";

	private static final String SUBJECT_KEY_IDENTIFIER = "2.5.29.14";

	private static final String KEY_USAGE = "2.5.29.15";

	private static final String SUBJECT_ALT_NAME = "2.5.29.17";

	private static final String BASIC_CONSTRAINTS = "2.5.29.19";

	private static final String AUTHORITY_KEY_IDENTIFIER = "2.5.29.35";

	private static final String EXTENDED_KEY_USAGE = "2.5.29.37";

	private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

	private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

	/** Clocks of clients on the same machine may still disagree a little. */
	private static final Duration BACKDATE = Duration.ofHours(1);

	private final SecureRandom random = new SecureRandom();

	private final KeyPair keys;

	private final X509Certificate certificate;

	private final Duration validity;

	private LocalCertificateAuthority(String name, Duration validity) {
		this.validity = validity;
		this.keys = newKeyPair();
		byte[] keyId = keyIdentifier(this.keys.getPublic());
		this.certificate = sign(name, this.keys.getPublic(),
				List.of(extension(BASIC_CONSTRAINTS, true, Der.sequence(Der.bool(true))),
						// keyCertSign (bit 5) and cRLSign (bit 6): 0000 0110, one unused
						// bit.
						extension(KEY_USAGE, true, Der.bitString(new byte[] { 0x06 }, 1)),
						extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyId))));
	}

	/**
	 * Creates a CA.
	 * @param name the CA certificate's common name
	 * @param validity how long it and every certificate it issues are valid
	 * @return the CA
	 */
	static LocalCertificateAuthority create(String name, Duration validity) {
		return new LocalCertificateAuthority(name, validity);
	}

	/** Returns the CA certificate, the trust anchor clients need. */
	X509Certificate certificate() {
		return this.certificate;
	}

	/**
	 * Issues a key and certificate that serves TLS on loopback and authenticates as a
	 * client too (as a broker does towards its own controller).
	 * @param commonName the subject's common name
	 * @return the key and its chain, leaf first
	 */
	IssuedKey issueServer(String commonName) {
		return issue(commonName, true);
	}

	/**
	 * Issues a key and certificate for TLS client authentication only.
	 * @param commonName the subject's common name, which becomes the client's principal
	 * @return the key and its chain, leaf first
	 */
	IssuedKey issueClient(String commonName) {
		return issue(commonName, false);
	}

	private IssuedKey issue(String commonName, boolean server) {
		KeyPair subject = newKeyPair();
		List<byte[]> extensions = new ArrayList<>();
		extensions.add(extension(BASIC_CONSTRAINTS, true, Der.sequence()));
		// digitalSignature (bit 0): 1000 0000, seven unused bits. ECDHE needs no more.
		extensions.add(extension(KEY_USAGE, true, Der.bitString(new byte[] { (byte) 0x80 }, 7)));
		extensions.add(extension(EXTENDED_KEY_USAGE, false, server
				? Der.sequence(Der.oid(SERVER_AUTH), Der.oid(CLIENT_AUTH)) : Der.sequence(Der.oid(CLIENT_AUTH))));
		if (server) {
			byte[] loopback = InetAddress.getLoopbackAddress().getAddress();
			extensions.add(extension(SUBJECT_ALT_NAME, false,
					Der.sequence(Der.implicitPrimitive(7, loopback), Der.implicitPrimitive(2, ascii("localhost")))));
		}
		extensions.add(extension(SUBJECT_KEY_IDENTIFIER, false, Der.octetString(keyIdentifier(subject.getPublic()))));
		extensions.add(extension(AUTHORITY_KEY_IDENTIFIER, false,
				Der.sequence(Der.implicitPrimitive(0, keyIdentifier(this.keys.getPublic())))));
		X509Certificate leaf = sign(commonName, subject.getPublic(), extensions);
		return new IssuedKey(subject.getPrivate(), new X509Certificate[] { leaf, this.certificate });
	}

	/** Signs a certificate for {@code subjectKey} with this CA's key. */
	private X509Certificate sign(String subjectName, PublicKey subjectKey, List<byte[]> extensions) {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
		byte[] issuer = (this.certificate != null) ? this.certificate.getSubjectX500Principal().getEncoded()
				: name(subjectName);
		byte[] tbs = Der.sequence(Der.explicit(0, Der.integer(BigInteger.TWO)),
				Der.integer(new BigInteger(127, this.random).setBit(126)), algorithm, issuer,
				Der.sequence(Der.time(now.minus(BACKDATE)), Der.time(now.plus(this.validity))), name(subjectName),
				subjectKey.getEncoded(), Der.explicit(3, Der.sequence(extensions.toArray(byte[][]::new))));
		try {
			Signature signature = Signature.getInstance(SIGNATURE_ALGORITHM);
			signature.initSign(this.keys.getPrivate(), this.random);
			signature.update(tbs);
			byte[] encoded = Der.sequence(tbs, algorithm, Der.bitString(signature.sign(), 0));
			return (X509Certificate) CertificateFactory.getInstance("X.509")
				.generateCertificate(new ByteArrayInputStream(encoded));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot sign a certificate for CN=" + subjectName, ex);
		}
	}

	private static byte[] name(String commonName) {
		return Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8String(commonName))));
	}

	private static byte[] extension(String oid, boolean critical, byte[] value) {
		return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
				: Der.sequence(Der.oid(oid), Der.octetString(value));
	}

	/** A key identifier: the SHA-1 of the encoded public key (RFC 7093 allows any). */
	private static byte[] keyIdentifier(PublicKey key) {
		try {
			return MessageDigest.getInstance("SHA-1").digest(key.getEncoded());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("SHA-1 is missing from this JDK", ex);
		}
	}

	private KeyPair newKeyPair() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(KEY_ALGORITHM);
			generator.initialize(new ECGenParameterSpec(CURVE), this.random);
			return generator.generateKeyPair();
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot generate an " + CURVE + " key pair", ex);
		}
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * A private key with its certificate chain.
	 *
	 * @param key the private key
	 * @param chain the subject's certificate, then the CA's
	 */
	record IssuedKey(PrivateKey key, X509Certificate[] chain) {
	}

}
