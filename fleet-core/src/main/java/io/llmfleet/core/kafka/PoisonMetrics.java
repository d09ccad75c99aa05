package io.llmfleet.core.kafka;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.llmfleet.schemas.PoisonCause;

/**
 * Counts poison records: {@value #RECORDS}, tagged {@code cause} (the
 * {@link PoisonCause}, lower case), {@code topic} (where the record was read) and
 * {@code outcome} ({@value #REJECTED}: the client got a REJECTED result;
 * {@value #DEAD_LETTER}: a POISON dead letter is all there is; {@value #KEPT}: poison on
 * the dead-letter topic itself, left where it is). One increment per record whose exit
 * was written, so a rate of it is poison arriving.
 */
public class PoisonMetrics {

	/** The counter's name. */
	public static final String RECORDS = "fleet.poison.records";

	/** Outcome: a REJECTED result went to the request's reply topic. */
	public static final String REJECTED = "rejected";

	/** Outcome: a POISON dead letter went to the dead-letter topic. */
	public static final String DEAD_LETTER = "dead_letter";

	/** Outcome: poison read from the dead-letter topic stays there, logged. */
	public static final String KEPT = "kept";

	private final MeterRegistry registry;

	public PoisonMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	/** Counts one poison record read from {@code topic}. */
	public void count(PoisonCause cause, String topic, String outcome) {
		Counter.builder(RECORDS)
			.description("Records a fleet consumer could not read or use, by cause")
			.tag("cause", cause.name().toLowerCase(Locale.ROOT))
			.tag("topic", topic)
			.tag("outcome", outcome)
			.register(this.registry)
			.increment();
	}

}
