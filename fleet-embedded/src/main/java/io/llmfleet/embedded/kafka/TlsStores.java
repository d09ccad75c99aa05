package io.llmfleet.embedded.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS files of a secured broker, made afresh on every start in its data directory (as
 * plain files, which Kafka ignores there): the CA certificate as a PKCS12 trust store and
 * as PEM (for librdkafka-based clients), the broker's key store, and one key store per
 * mutual-TLS client. All stores are PKCS12 and share one random password. The CA's key is
 * not written anywhere, so nothing can issue more certificates after the start.
 *
 * @param trustStore the CA certificate, for every client and for the broker
 * @param caCertificatePem the same certificate in PEM
 * @param brokerKeyStore the broker's key and chain, alias {@value #BROKER_ALIAS}
 * @param clientKeyStores each mutual-TLS client's key store, by client name
 * @param password the password of every store and key
 */
record TlsStores(Path trustStore, Path caCertificatePem, Path brokerKeyStore, Map<String, Path> clientKeyStores,
		String password) {

	/** The type of every store written here. */
	static final String STORE_TYPE = "PKCS12";

	static final String BROKER_ALIAS = "broker";

	/** Long enough for any local session; a restart makes new ones anyway. */
	private static final Duration VALIDITY = Duration.ofDays(365);

	private static final String FILE_PREFIX = "tls-";

	TlsStores {
		clientKeyStores = Map.copyOf(clientKeyStores);
	}

	/**
	 * Makes a new CA, the broker's certificate and the clients' ones, and writes the
	 * stores, replacing those of an earlier start.
	 * @param dir the broker's data directory
	 * @param brokerName the broker certificate's common name (its principal)
	 * @param clientNames the mutual-TLS clients' common names (their principals)
	 * @return the files and their password
	 */
	static TlsStores generate(Path dir, String brokerName, Collection<String> clientNames) {
		LocalCertificateAuthority ca = LocalCertificateAuthority
			.create("llm-fleet embedded CA " + Long.toHexString(new SecureRandom().nextLong()), VALIDITY);
		String password = randomPassword();
		try {
			removeEarlierStores(dir);
			KeyStore trust = emptyStore();
			trust.setCertificateEntry("ca", ca.certificate());
			Path trustStore = write(trust, dir.resolve(FILE_PREFIX + "truststore.p12"), password);
			Path pem = dir.resolve(FILE_PREFIX + "ca.pem");
			Files.writeString(pem, pem(ca.certificate().getEncoded()), StandardCharsets.US_ASCII);
			Path broker = keyStore(ca.issueServer(brokerName), BROKER_ALIAS,
					dir.resolve(FILE_PREFIX + BROKER_ALIAS + ".p12"), password);
			Map<String, Path> clients = new LinkedHashMap<>();
			for (String client : clientNames) {
				clients.put(client, keyStore(ca.issueClient(client), client,
						dir.resolve(FILE_PREFIX + "client-" + client + ".p12"), password));
			}
			return new TlsStores(trustStore, pem, broker, clients, password);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build the broker's TLS stores in " + dir, ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write the broker's TLS stores in " + dir, ex);
		}
	}

	/**
	 * A server-side TLS context with the broker's certificate that trusts this CA's
	 * client certificates: for an HTTPS registry on the same host.
	 */
	SSLContext serverContext() {
		try {
			KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
			keys.init(load(this.brokerKeyStore), this.password.toCharArray());
			TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trust.init(load(this.trustStore));
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot build a TLS context from " + this.brokerKeyStore, ex);
		}
	}

	private KeyStore load(Path path) throws GeneralSecurityException {
		try (InputStream in = Files.newInputStream(path)) {
			KeyStore store = KeyStore.getInstance(STORE_TYPE);
			store.load(in, this.password.toCharArray());
			return store;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + path, ex);
		}
	}

	/** Files of an earlier start: their CA is gone, and a client may no longer exist. */
	private static void removeEarlierStores(Path dir) throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			for (Path file : files.toList()) {
				if (Files.isRegularFile(file) && file.getFileName().toString().startsWith(FILE_PREFIX)) {
					Files.delete(file);
				}
			}
		}
	}

	private static Path keyStore(LocalCertificateAuthority.IssuedKey issued, String alias, Path path, String password)
			throws GeneralSecurityException, IOException {
		KeyStore store = emptyStore();
		store.setKeyEntry(alias, issued.key(), password.toCharArray(), issued.chain());
		return write(store, path, password);
	}

	private static KeyStore emptyStore() throws GeneralSecurityException {
		KeyStore store = KeyStore.getInstance(STORE_TYPE);
		try {
			store.load(null, null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return store;
	}

	/** Writes a store readable by its owner only, where the file system allows that. */
	private static Path write(KeyStore store, Path path, String password) throws GeneralSecurityException, IOException {
		Files.deleteIfExists(path);
		try {
			Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		}
		catch (UnsupportedOperationException ex) {
			Files.createFile(path);
		}
		try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.TRUNCATE_EXISTING)) {
			store.store(out, password.toCharArray());
		}
		return path;
	}

	private static String pem(byte[] der) {
		return "-----BEGIN CERTIFICATE-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END CERTIFICATE-----\n";
	}

	private static String randomPassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@Override
	public String toString() {
		return "TlsStores[trustStore=" + this.trustStore + ", brokerKeyStore=" + this.brokerKeyStore + ", clients="
				+ this.clientKeyStores.keySet() + "]";
	}

}
