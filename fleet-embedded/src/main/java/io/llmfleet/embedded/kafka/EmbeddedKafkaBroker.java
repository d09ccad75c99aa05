package io.llmfleet.embedded.kafka;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in this JVM: Kafka's own {@link KafkaRaftServer}
 * running as combined broker and KRaft controller, listening on {@code 127.0.0.1} only,
 * with its data in one directory. The directory is formatted on the first start and
 * reused on later ones, so topics, records and committed offsets survive a restart.
 * Settings suit one node (replication factor 1 everywhere, transactions enabled, topics
 * created explicitly); see {@link BrokerSettings}. By default clients connect in
 * plaintext; started with {@link BrokerSecurity} the broker is secured as a production
 * cluster is (SASL_SSL with SCRAM-SHA-512, optionally mutual TLS, ACLs enforced), and
 * {@link #credentials()} holds what its clients need. Like a stand-alone broker, a fatal
 * metadata fault halts the JVM. Thread-safe; {@link #close()} shuts the broker down
 * cleanly and waits for it.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

	/**
	 * Attempts when the caller asked for ephemeral ports, which another process may take
	 * first.
	 */
	private static final int START_ATTEMPTS = 3;

	private static final long ADMIN_TIMEOUT_SECONDS = 30;

	private final KafkaRaftServer server;

	private final String bootstrapServers;

	private final BrokerCredentials credentials;

	/** How {@link #createTopics} connects: plainly, or as the broker itself. */
	private final Map<String, Object> adminProperties;

	private final AtomicBoolean closed = new AtomicBoolean();

	private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers, BrokerCredentials credentials,
			Map<String, Object> adminProperties) {
		this.server = server;
		this.bootstrapServers = bootstrapServers;
		this.credentials = credentials;
		this.adminProperties = Map.copyOf(adminProperties);
	}

	/**
	 * Starts a broker with the default single-node settings.
	 * @param dataDir a directory used by this broker alone; created when missing
	 * @param port the client port, or 0 for a free one
	 * @return the running broker
	 */
	public static EmbeddedKafkaBroker start(Path dataDir, int port) {
		return start(dataDir, port, Map.of());
	}

	/**
	 * Starts a broker, replacing some of the default settings.
	 * @param dataDir a directory used by this broker alone; created when missing
	 * @param port the client port, or 0 for a free one
	 * @param overrides broker properties (as in {@code server.properties}) applied last
	 * @return the running broker
	 */
	public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> overrides) {
		Path dir = prepare(dataDir);
		return withPortRetries(() -> {
			int brokerPort = (port != 0) ? port : freePort();
			String bootstrap = BrokerSettings.HOST + ":" + brokerPort;
			return launch(dir, BrokerSettings.properties(dir, brokerPort, freePort(), overrides), bootstrap, null, null,
					Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
		});
	}

	/**
	 * Starts a secured broker: a {@code SASL_SSL} listener with SCRAM-SHA-512 users,
	 * optionally mutual TLS and plaintext listeners, ACLs enforced, and a new throw-away
	 * CA whose stores are written into {@code dataDir}. {@link #credentials()} has what
	 * clients need.
	 * @param dataDir a directory used by this broker alone; created when missing
	 * @param port the {@code SASL_SSL} port, or 0 for a free one
	 * @param security the users and listeners
	 * @return the running broker
	 */
	public static EmbeddedKafkaBroker start(Path dataDir, int port, BrokerSecurity security) {
		return start(dataDir, port, Map.of(), security);
	}

	/**
	 * Starts a secured broker as {@link #start(Path, int, BrokerSecurity)} does,
	 * replacing some of the default settings.
	 * @param dataDir a directory used by this broker alone; created when missing
	 * @param port the {@code SASL_SSL} port, or 0 for a free one
	 * @param overrides broker properties (as in {@code server.properties}) applied last
	 * @param security the users and listeners
	 * @return the running broker
	 */
	public static EmbeddedKafkaBroker start(Path dataDir, int port, Map<String, String> overrides,
			BrokerSecurity security) {
		Path dir = prepare(dataDir);
		TlsStores tls = TlsStores.generate(dir, BrokerSecurity.BROKER_PRINCIPAL, security.clientCertificates());
		return withPortRetries(() -> {
			SecuredPorts ports = new SecuredPorts(portOrFree(port),
					security.plaintext() ? portOrFree(security.plaintextPort()) : SecuredPorts.OFF,
					security.mutualTls() ? portOrFree(security.mutualTlsPort()) : SecuredPorts.OFF, freePort(),
					freePort());
			BrokerCredentials credentials = new BrokerCredentials(ports, tls, security);
			return launch(dir, BrokerSettings.securedProperties(dir, ports, tls, security, overrides),
					credentials.plaintextBootstrapServers().orElse(credentials.saslSslBootstrapServers()), credentials,
					security, credentials.brokerClientProperties());
		});
	}

	private static EmbeddedKafkaBroker withPortRetries(Supplier<EmbeddedKafkaBroker> attempt) {
		for (int n = 1;; n++) {
			try {
				return attempt.get();
			}
			catch (RuntimeException ex) {
				// The controller port is always picked here, so even a fixed client port
				// can lose a race.
				if (n == START_ATTEMPTS || !causedByBind(ex)) {
					throw ex;
				}
				log.warn("Kafka broker start attempt {}/{} lost a port race ({}); retrying with new ports", n,
						START_ATTEMPTS, ex.getMessage());
			}
		}
	}

	private static EmbeddedKafkaBroker launch(Path dir, Map<String, String> properties, String bootstrapServers,
			BrokerCredentials credentials, BrokerSecurity security, Map<String, Object> adminProperties) {
		long startNanos = System.nanoTime();
		KafkaConfig config = new KafkaConfig(properties, false);
		String clusterId = KraftStorage.formatIfNeeded(dir, config);
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		try {
			// Returns once the controller has unfenced the broker and clients are
			// accepted.
			server.startup();
			if (credentials != null) {
				ScramUsers.upsert(credentials, security.scramUsers(), security.superUser());
			}
		}
		catch (RuntimeException ex) {
			stop(server);
			throw ex;
		}
		long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
		if (credentials == null) {
			log.info("Kafka broker started on {} in {} ms (cluster {}, data in {})", bootstrapServers, millis,
					clusterId, dir);
		}
		else {
			log.info(
					"Secured Kafka broker started in {} ms (cluster {}, data in {}): SASL_SSL ({}) on {}, mutual TLS on {}, "
							+ "plaintext on {}; ACLs enforced, super users {} and {}; CA trust store {}",
					millis, clusterId, dir, BrokerSecurity.SCRAM_MECHANISM, credentials.saslSslBootstrapServers(),
					credentials.mutualTlsBootstrapServers().orElse("none"),
					credentials.plaintextBootstrapServers().orElse("none"), security.superUser(),
					BrokerSecurity.BROKER_PRINCIPAL, credentials.trustStore());
		}
		return new EmbeddedKafkaBroker(server, bootstrapServers, credentials, adminProperties);
	}

	/**
	 * Returns the address clients connect to: the {@code PLAINTEXT} listener, or on a
	 * secured broker without one, the {@code SASL_SSL} listener.
	 * @return {@code 127.0.0.1:port}
	 */
	public String bootstrapServers() {
		return this.bootstrapServers;
	}

	/**
	 * Returns what clients of a secured broker need: listeners, trust and key stores,
	 * users, client properties.
	 * @return the credentials, or empty for a broker started without
	 * {@link BrokerSecurity}
	 */
	public Optional<BrokerCredentials> credentials() {
		return Optional.ofNullable(this.credentials);
	}

	/**
	 * Creates topics, leaving those that exist already as they are.
	 * @param topics the topics; partitions and replication factor may be left to the
	 * broker defaults (1 each)
	 */
	public void createTopics(Collection<NewTopic> topics) {
		if (topics.isEmpty()) {
			return;
		}
		try (Admin admin = Admin.create(this.adminProperties)) {
			Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
			List<String> created = new ArrayList<>();
			for (Map.Entry<String, KafkaFuture<Void>> result : results.entrySet()) {
				if (awaitCreation(result.getKey(), result.getValue())) {
					created.add(result.getKey());
				}
			}
			log.info("Created topics {} ({} already existed)", created, results.size() - created.size());
		}
	}

	private static boolean awaitCreation(String topic, KafkaFuture<Void> result) {
		try {
			result.get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			return true;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof TopicExistsException) {
				return false;
			}
			throw new IllegalStateException("Cannot create topic " + topic + ": " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException(
					"Topic " + topic + " was not created within " + ADMIN_TIMEOUT_SECONDS + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating topic " + topic, ex);
		}
	}

	/**
	 * Shuts the broker down (controlled shutdown, logs flushed) and waits until it has
	 * stopped. Calling it again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			long startNanos = System.nanoTime();
			stop(this.server);
			log.info("Kafka broker on {} stopped in {} ms", bootstrapServers(),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos));
		}
	}

	private static void stop(KafkaRaftServer server) {
		server.shutdown();
		server.awaitShutdown();
	}

	private static Path prepare(Path dataDir) {
		Path dir = dataDir.toAbsolutePath().normalize();
		try {
			Files.createDirectories(dir);
			return dir;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the Kafka data directory " + dir, ex);
		}
	}

	private static int portOrFree(int port) {
		return (port != 0) ? port : freePort();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(BrokerSettings.HOST))) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot find a free port on " + BrokerSettings.HOST, ex);
		}
	}

	private static boolean causedByBind(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BindException
					|| String.valueOf(cause.getMessage()).contains("Address already in use")) {
				return true;
			}
		}
		return false;
	}

}
