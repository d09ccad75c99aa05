package io.llmfleet.cli.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The bare-Kafka limit of the request path: the pipeline's four hops (requests ->
 * classified -> model topic -> results) relayed by plain kafka-clients consumers and
 * producers on the same broker, with the fleet's producer settings, its commit pattern,
 * its topics' partition counts and its consumer threads per hop (three for the
 * classifier's and dispatcher's stand-ins, as many as a worker's calls in flight with one
 * record per poll for the worker's), but no deserialization, no decision and no extra
 * records. The client is shaped like {@code FleetClient}: a producer with the same
 * settings and a reader of every partition of the results topic, matching results by key.
 * The payloads are the bytes of serialized requests.
 */
public final class RawChain implements BenchTarget, AutoCloseable {

	/** The hops' topics, after the fleet's. */
	private static final List<String> HOPS = List.of("requests", "classified", "model", "results");

	private final String name;

	private final List<Relay> relays;

	private final KafkaProducer<String, byte[]> client;

	private final KafkaConsumer<String, byte[]> results;

	private final Thread reader;

	private final String requestsTopic;

	private final List<byte[]> payloads;

	private final String runId = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, CompletableFuture<Void>> pending = new ConcurrentHashMap<>();

	private final AtomicLong duplicates = new AtomicLong();

	private volatile boolean running = true;

	private RawChain(String name, String bootstrapServers, ChainShape shape, boolean transactional,
			List<byte[]> payloads) {
		this.name = name;
		this.payloads = List.copyOf(payloads);
		String prefix = "bench." + name + ".";
		this.requestsTopic = prefix + HOPS.get(0);
		// Workers are at least once: their hop is never transactional.
		this.relays = List.of(
				new Relay(prefix + "classifier", bootstrapServers, prefix + HOPS.get(0), prefix + HOPS.get(1),
						shape.serviceThreads(), 0, transactional),
				new Relay(prefix + "dispatcher", bootstrapServers, prefix + HOPS.get(1), prefix + HOPS.get(2),
						shape.serviceThreads(), 0, transactional),
				new Relay(prefix + "worker", bootstrapServers, prefix + HOPS.get(2), prefix + HOPS.get(3),
						shape.workerThreads(), 1, false));
		this.client = new KafkaProducer<>(Relay.producerSettings(bootstrapServers));
		this.results = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.ISOLATION_LEVEL_CONFIG,
						"read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = this.results.partitionsFor(prefix + HOPS.get(3))
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		this.results.assign(partitions);
		this.results.seekToEnd(partitions);
		partitions.forEach(this.results::position);
		this.reader = new Thread(this::read, "bench-" + name + "-results");
		this.reader.setDaemon(true);
		this.reader.start();
	}

	/**
	 * Creates the chain's topics, starts its relays and returns once every relay's
	 * consumers hold all their partitions.
	 * @param name distinguishes this chain's topics and groups from others on the broker
	 * @param bootstrapServers the broker
	 * @param shape partitions and threads per hop
	 * @param transactional whether the classifier's and dispatcher's hops use
	 * transactions
	 * @param payloads the record values, used in turn
	 * @param timeout the longest to wait for the relays' partitions
	 * @return the running chain
	 */
	public static RawChain start(String name, String bootstrapServers, ChainShape shape, boolean transactional,
			List<byte[]> payloads, Duration timeout) {
		String prefix = "bench." + name + ".";
		createTopics(bootstrapServers,
				List.of(new NewTopic(prefix + HOPS.get(0), shape.partitions(), (short) 1),
						new NewTopic(prefix + HOPS.get(1), shape.partitions(), (short) 1),
						new NewTopic(prefix + HOPS.get(2), shape.modelPartitions(), (short) 1),
						new NewTopic(prefix + HOPS.get(3), shape.partitions(), (short) 1)));
		RawChain chain = new RawChain(name, bootstrapServers, shape, transactional, payloads);
		try {
			chain.awaitAssignments(shape, timeout);
			return chain;
		}
		catch (RuntimeException ex) {
			chain.close();
			throw ex;
		}
	}

	private static void createTopics(String bootstrapServers, List<NewTopic> topics) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Cannot create the raw chain's topics: " + ex.getCause(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted creating the raw chain's topics", ex);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Timed out creating the raw chain's topics", ex);
		}
	}

	private void awaitAssignments(ChainShape shape, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		List<Integer> expected = List.of(shape.partitions(), shape.partitions(), shape.modelPartitions());
		while (true) {
			boolean ready = true;
			for (int i = 0; i < this.relays.size(); i++) {
				ready &= this.relays.get(i).assignedPartitions() == expected.get(i);
			}
			if (ready) {
				return;
			}
			String failure = failure();
			if (failure != null || System.nanoTime() > deadline) {
				throw new IllegalStateException("Raw chain " + this.name + " not ready after " + timeout
						+ ((failure != null) ? ": " + failure : ""));
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted starting raw chain " + this.name, ex);
			}
		}
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public CompletableFuture<Void> submit(long sequence) {
		String key = this.runId + "-" + sequence + "-" + System.nanoTime();
		CompletableFuture<Void> result = new CompletableFuture<>();
		this.pending.put(key, result);
		byte[] payload = this.payloads.get((int) (sequence % this.payloads.size()));
		this.client.send(new ProducerRecord<>(this.requestsTopic, key, payload), (metadata, failure) -> {
			if (failure != null && this.pending.remove(key, result)) {
				result.completeExceptionally(failure);
			}
		});
		return result;
	}

	@Override
	public long duplicates() {
		return this.duplicates.get();
	}

	/** The first error a relay stopped on, or null. */
	public String failure() {
		return this.relays.stream().map(Relay::failure).filter((failure) -> failure != null).findFirst().orElse(null);
	}

	private void read() {
		try {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : this.results.poll(Duration.ofMillis(500))) {
					CompletableFuture<Void> result = this.pending.remove(record.key());
					if (result != null) {
						result.complete(null);
					}
					else {
						this.duplicates.incrementAndGet();
					}
				}
			}
		}
		catch (WakeupException ex) {
			// close() stops the reader.
		}
		finally {
			this.results.close(Duration.ofSeconds(5));
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.results.wakeup();
		try {
			this.reader.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.client.close(Duration.ofSeconds(5));
		this.relays.forEach(Relay::close);
	}

	/**
	 * Partitions and threads of the chain's hops, as the fleet runs them.
	 *
	 * @param partitions partitions of the requests, classified and results topics
	 * @param modelPartitions partitions of the model topic
	 * @param serviceThreads consumers of the classifier's and dispatcher's hops
	 * @param workerThreads consumers of the worker's hop (its calls in flight)
	 */
	public record ChainShape(int partitions, int modelPartitions, int serviceThreads, int workerThreads) {
	}

}
