package io.llmfleet.embedded.kafka;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How {@link EmbeddedKafkaBroker} secures itself, as a production cluster would: a
 * {@code SASL_SSL} listener authenticating SCRAM-SHA-512 users, optionally a mutual-TLS
 * listener ({@code SSL} with {@code ssl.client.auth=required}, the principal being the
 * client certificate's common name) and optionally a {@code PLAINTEXT} listener, whose
 * clients are {@code User:ANONYMOUS}. ACLs are enforced by Kafka's
 * {@code StandardAuthorizer}: nobody but the super user and the broker itself (principal
 * {@value #BROKER_PRINCIPAL}) may do anything an ACL does not allow. A throw-away CA and
 * the certificates are generated on every start;
 * {@link EmbeddedKafkaBroker#credentials()} tells clients what they need. Immutable;
 * start from {@link #saslSsl()}.
 */
public final class BrokerSecurity {

	/** The SASL mechanism of the {@code SASL_SSL} listener. */
	public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

	/**
	 * The broker's own principal ({@code User:fleet-broker}), a super user, authenticated
	 * by its certificate on the internal and controller listeners.
	 */
	public static final String BROKER_PRINCIPAL = "fleet-broker";

	/** The default super user's name; its password is random unless given. */
	public static final String DEFAULT_SUPER_USER = "admin";

	/**
	 * Letters, digits and {@code . _ @ -}: safe as a SCRAM name, an ACL principal, a
	 * certificate common name and part of a file name.
	 */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,128}");

	private final String superUser;

	private final String superUserPassword;

	private final Map<String, String> users;

	private final boolean mutualTls;

	private final int mutualTlsPort;

	private final Set<String> clientCertificates;

	private final boolean plaintext;

	private final int plaintextPort;

	private BrokerSecurity(String superUser, String superUserPassword, Map<String, String> users, boolean mutualTls,
			int mutualTlsPort, Set<String> clientCertificates, boolean plaintext, int plaintextPort) {
		this.superUser = superUser;
		this.superUserPassword = superUserPassword;
		this.users = Collections.unmodifiableMap(new LinkedHashMap<>(users));
		this.mutualTls = mutualTls;
		this.mutualTlsPort = mutualTlsPort;
		this.clientCertificates = Collections.unmodifiableSet(new LinkedHashSet<>(clientCertificates));
		this.plaintext = plaintext;
		this.plaintextPort = plaintextPort;
	}

	/**
	 * A {@code SASL_SSL} listener with SCRAM-SHA-512 and the super user
	 * {@value #DEFAULT_SUPER_USER} with a random password; no other listener for clients.
	 * @return the options
	 */
	public static BrokerSecurity saslSsl() {
		byte[] secret = new byte[18];
		new SecureRandom().nextBytes(secret);
		return new BrokerSecurity(DEFAULT_SUPER_USER, Base64.getUrlEncoder().withoutPadding().encodeToString(secret),
				Map.of(), false, 0, Set.of(), false, 0);
	}

	/**
	 * These options with one more SCRAM user, who may do what ACLs allow. Creating the
	 * user again on a restart sets its password to this one.
	 * @param name the user name, which is also the principal {@code User:name}
	 * @param password its password
	 * @return the options
	 */
	public BrokerSecurity withUser(String name, String password) {
		checkName(name, "user name");
		checkPassword(name, password);
		if (name.equals(this.superUser) || name.equals(BROKER_PRINCIPAL)) {
			throw new IllegalArgumentException("User name '" + name + "' is taken by the super user or the broker");
		}
		Map<String, String> more = new LinkedHashMap<>(this.users);
		more.put(name, password);
		return new BrokerSecurity(this.superUser, this.superUserPassword, more, this.mutualTls, this.mutualTlsPort,
				this.clientCertificates, this.plaintext, this.plaintextPort);
	}

	/**
	 * These options with another super user (a SCRAM user to whom ACLs do not apply), for
	 * administration: creating topics and ACLs.
	 * @param name the user name
	 * @param password its password
	 * @return the options
	 */
	public BrokerSecurity withSuperUser(String name, String password) {
		checkName(name, "super user name");
		checkPassword(name, password);
		if (this.users.containsKey(name) || name.equals(BROKER_PRINCIPAL)) {
			throw new IllegalArgumentException("Super user name '" + name + "' is taken by a user or the broker");
		}
		return new BrokerSecurity(name, password, this.users, this.mutualTls, this.mutualTlsPort,
				this.clientCertificates, this.plaintext, this.plaintextPort);
	}

	/**
	 * These options with a mutual-TLS listener: {@code SSL} with
	 * {@code ssl.client.auth=required}, and a client certificate issued by the broker's
	 * CA for each name, whose principal is {@code User:name}.
	 * @param port the listener's port, or 0 for a free one
	 * @param clientNames the clients to issue certificates for
	 * @return the options
	 */
	public BrokerSecurity withMutualTls(int port, String... clientNames) {
		checkPort(port);
		Set<String> names = new LinkedHashSet<>();
		for (String name : List.of(clientNames)) {
			checkName(name, "client certificate name");
			if (name.equals(BROKER_PRINCIPAL)) {
				throw new IllegalArgumentException("Client certificate name '" + name + "' is the broker's own");
			}
			names.add(name);
		}
		return new BrokerSecurity(this.superUser, this.superUserPassword, this.users, true, port, names, this.plaintext,
				this.plaintextPort);
	}

	/**
	 * These options with a {@code PLAINTEXT} listener as well. Its clients are
	 * {@code User:ANONYMOUS} and may do only what ACLs allow that principal.
	 * @param port the listener's port, or 0 for a free one
	 * @return the options
	 */
	public BrokerSecurity withPlaintextListener(int port) {
		checkPort(port);
		return new BrokerSecurity(this.superUser, this.superUserPassword, this.users, this.mutualTls,
				this.mutualTlsPort, this.clientCertificates, true, port);
	}

	String superUser() {
		return this.superUser;
	}

	String superUserPassword() {
		return this.superUserPassword;
	}

	/** Every SCRAM user with its password, the super user first. */
	Map<String, String> scramUsers() {
		Map<String, String> all = new LinkedHashMap<>();
		all.put(this.superUser, this.superUserPassword);
		all.putAll(this.users);
		return all;
	}

	boolean mutualTls() {
		return this.mutualTls;
	}

	int mutualTlsPort() {
		return this.mutualTlsPort;
	}

	Set<String> clientCertificates() {
		return this.clientCertificates;
	}

	boolean plaintext() {
		return this.plaintext;
	}

	int plaintextPort() {
		return this.plaintextPort;
	}

	private static void checkName(String name, String what) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException(
					"Invalid " + what + " '" + name + "': use 1 to 128 letters, digits, '.', '_', '@' or '-'");
		}
	}

	private static void checkPassword(String name, String password) {
		if (password == null || password.isEmpty()) {
			throw new IllegalArgumentException("User '" + name + "' needs a non-empty password");
		}
	}

	private static void checkPort(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("Invalid port " + port + ": use 0 for a free one or 1 to 65535");
		}
	}

	@Override
	public String toString() {
		return "BrokerSecurity[superUser=" + this.superUser + ", users=" + this.users.keySet() + ", mutualTls="
				+ (this.mutualTls ? this.clientCertificates : "off") + ", plaintext=" + this.plaintext + "]";
	}

}
