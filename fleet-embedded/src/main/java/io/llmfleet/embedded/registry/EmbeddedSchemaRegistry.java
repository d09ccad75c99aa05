package io.llmfleet.embedded.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLParameters;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A schema registry that speaks the Confluent Schema Registry REST API (the Avro subset
 * the fleet and Confluent's serializers use) on {@code 127.0.0.1}, keeping its state in a
 * compacted Kafka topic. On start it creates the topic when missing and reads it to the
 * end to rebuild schemas, ids, versions (soft-deleted ones included) and compatibility
 * levels; every change, deletes included, is written to the topic ({@code acks=all})
 * before it is answered, so ids and deletes survive restarts. {@link RegistryOptions} add
 * basic auth and HTTPS (mutual TLS included) for tests of clients' security settings, and
 * the registry's own Kafka client settings for a secured broker. Only one instance should
 * write to a topic at a time. Thread-safe.
 */
public final class EmbeddedSchemaRegistry implements AutoCloseable {

	static {
		// The JDK's HTTP server reads this once, when the first server in the JVM is
		// created:
		// the registry is usually that first one (fleet local, tests, bench), and without
		// TCP_NODELAY every small response, ours and the simulator's, waits on Nagle.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	/** The topic Confluent Schema Registry uses by default, and so do we. */
	public static final String DEFAULT_TOPIC = "_schemas";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedSchemaRegistry.class);

	/** A few threads suffice: requests are short and all writes are serialised anyway. */
	private static final int HTTP_THREADS = 4;

	private final HttpServer server;

	private final ExecutorService executor;

	private final KafkaSchemaLog schemaLog;

	private final String url;

	private final AtomicBoolean closed = new AtomicBoolean();

	private EmbeddedSchemaRegistry(HttpServer server, ExecutorService executor, KafkaSchemaLog schemaLog) {
		this.server = server;
		this.executor = executor;
		this.schemaLog = schemaLog;
		this.url = ((server instanceof HttpsServer) ? "https://" : "http://")
				+ server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
	}

	/**
	 * Starts a registry on the {@value #DEFAULT_TOPIC} topic.
	 * @param bootstrapServers the Kafka cluster holding the topic
	 * @param port the HTTP port, or 0 for a free one
	 * @return the running registry
	 */
	public static EmbeddedSchemaRegistry start(String bootstrapServers, int port) {
		return start(bootstrapServers, port, DEFAULT_TOPIC);
	}

	/**
	 * Starts a registry on the given topic.
	 * @param bootstrapServers the Kafka cluster holding the topic
	 * @param port the HTTP port, or 0 for a free one
	 * @param topic the compacted topic holding the registry's state
	 * @return the running registry
	 */
	public static EmbeddedSchemaRegistry start(String bootstrapServers, int port, String topic) {
		return start(bootstrapServers, port, RegistryOptions.defaults().withTopic(topic));
	}

	/**
	 * Starts a registry with options: its topic, basic auth, HTTPS or mutual TLS.
	 * @param bootstrapServers the Kafka cluster holding the topic
	 * @param port the HTTP(S) port, or 0 for a free one
	 * @param options the options
	 * @return the running registry
	 */
	public static EmbeddedSchemaRegistry start(String bootstrapServers, int port, RegistryOptions options) {
		long startNanos = System.nanoTime();
		KafkaSchemaLog schemaLog = new KafkaSchemaLog(bootstrapServers, options.topic(),
				options.kafkaClientProperties());
		try {
			schemaLog.ensureTopic();
			SchemaStore store = new SchemaStore(schemaLog);
			long records = schemaLog.replay(store::apply);
			HttpServer server = httpServer(port, options);
			ExecutorService executor = Executors.newFixedThreadPool(HTTP_THREADS, daemonThreads());
			server.setExecutor(executor);
			server.createContext("/", new RegistryHttpHandler(new RegistryApi(store), options.basicAuthUserInfo()));
			server.start();
			EmbeddedSchemaRegistry registry = new EmbeddedSchemaRegistry(server, executor, schemaLog);
			log.info("Schema registry started on {} in {} ms ({} records replayed from topic {}{})", registry.url(),
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos), records, options.topic(),
					options.basicAuthUserInfo().isPresent() ? ", basic auth required" : "");
			return registry;
		}
		catch (IOException ex) {
			schemaLog.close();
			throw new UncheckedIOException("Cannot start the schema registry HTTP server on port " + port, ex);
		}
		catch (RuntimeException ex) {
			schemaLog.close();
			throw ex;
		}
	}

	private static HttpServer httpServer(int port, RegistryOptions options) throws IOException {
		InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
		if (options.sslContext().isEmpty()) {
			return HttpServer.create(address, 0);
		}
		HttpsServer server = HttpsServer.create(address, 0);
		boolean clientCertificateRequired = options.clientCertificateRequired();
		server.setHttpsConfigurator(new HttpsConfigurator(options.sslContext().get()) {
			@Override
			public void configure(HttpsParameters parameters) {
				SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
				ssl.setNeedClientAuth(clientCertificateRequired);
				parameters.setSSLParameters(ssl);
			}
		});
		return server;
	}

	/**
	 * Returns the base URL clients use.
	 * @return {@code http://127.0.0.1:port}, or {@code https://...} with TLS
	 */
	public String url() {
		return this.url;
	}

	/**
	 * Stops answering at once and closes the Kafka producer; every answered change is in
	 * the topic already. Calling it again does nothing.
	 */
	@Override
	public void close() {
		if (this.closed.compareAndSet(false, true)) {
			// No grace period: on Java 17 HttpServer.stop waits out the whole delay even
			// when
			// idle, and every change that was answered is already stored.
			this.server.stop(0);
			this.executor.shutdown();
			this.schemaLog.close();
			log.info("Schema registry on {} stopped", url());
		}
	}

	private static ThreadFactory daemonThreads() {
		AtomicInteger count = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, "schema-registry-http-" + count.incrementAndGet());
			// Daemon: a registry someone forgot to close must not keep the JVM alive.
			thread.setDaemon(true);
			return thread;
		};
	}

}
