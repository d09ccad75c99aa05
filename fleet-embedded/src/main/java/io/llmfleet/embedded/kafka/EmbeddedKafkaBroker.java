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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

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
 * created explicitly); see {@link BrokerSettings}. Like a stand-alone broker, a fatal
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

	private final int port;

	private final AtomicBoolean closed = new AtomicBoolean();

	private EmbeddedKafkaBroker(KafkaRaftServer server, int port) {
		this.server = server;
		this.port = port;
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
		Path dir = dataDir.toAbsolutePath().normalize();
		createDirectories(dir);
		for (int attempt = 1;; attempt++) {
			int brokerPort = (port != 0) ? port : freePort();
			try {
				return startOnce(dir, brokerPort, freePort(), overrides);
			}
			catch (RuntimeException ex) {
				// The controller port is always picked here, so even a fixed client port
				// can lose a race.
				if (attempt == START_ATTEMPTS || !causedByBind(ex)) {
					throw ex;
				}
				log.warn("Kafka broker start attempt {}/{} lost a port race ({}); retrying with new ports", attempt,
						START_ATTEMPTS, ex.getMessage());
			}
		}
	}

	private static EmbeddedKafkaBroker startOnce(Path dir, int brokerPort, int controllerPort,
			Map<String, String> overrides) {
		long startNanos = System.nanoTime();
		KafkaConfig config = new KafkaConfig(BrokerSettings.properties(dir, brokerPort, controllerPort, overrides),
				false);
		String clusterId = KraftStorage.formatIfNeeded(dir, config);
		KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
		try {
			// Returns once the controller has unfenced the broker and clients are
			// accepted.
			server.startup();
		}
		catch (RuntimeException ex) {
			stop(server);
			throw ex;
		}
		log.info("Kafka broker started on {}:{} in {} ms (cluster {}, data in {})", BrokerSettings.HOST, brokerPort,
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), clusterId, dir);
		return new EmbeddedKafkaBroker(server, brokerPort);
	}

	/**
	 * Returns the address clients connect to.
	 * @return {@code 127.0.0.1:port}
	 */
	public String bootstrapServers() {
		return BrokerSettings.HOST + ":" + this.port;
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
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
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

	private static void createDirectories(Path dir) {
		try {
			Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the Kafka data directory " + dir, ex);
		}
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
