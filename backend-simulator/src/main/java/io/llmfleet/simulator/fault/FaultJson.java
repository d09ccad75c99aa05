package io.llmfleet.simulator.fault;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Faults as JSON, the one form the admin endpoint and the command line share:
 * {@code {"kind":"error","status":503,"model":"llama3.2:3b","rate":0.5,"times":2}}, with
 * optional {@code delay_ms}, {@code after_chunks} and {@code message}. On the command
 * line the same fields are written
 * {@code error,status=503,model=llama3.2:3b,rate=0.5,times=2}.
 */
public final class FaultJson {

	/** Writes the admin endpoint's replies: snake_case, nulls included. */
	public static final ObjectMapper MAPPER = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	private static final Set<String> FIELDS = Set.of("kind", "model", "rate", "times", "status", "delay_ms",
			"after_chunks", "message");

	private static final Set<String> NUMBER_FIELDS = Set.of("rate", "times", "status", "delay_ms", "after_chunks");

	private FaultJson() {
	}

	/**
	 * Reads one fault.
	 * @param json a JSON object with at least {@code kind}
	 * @return the fault
	 * @throws IllegalArgumentException for a missing kind, an unknown field or a bad
	 * value, quoting it
	 */
	public static Fault read(JsonNode json) {
		if (json == null || !json.isObject()) {
			throw new IllegalArgumentException("a fault must be a JSON object but was " + json);
		}
		for (String field : json.propertyNames()) {
			if (!FIELDS.contains(field)) {
				throw new IllegalArgumentException("unknown fault field \"" + field + "\", expected some of " + FIELDS);
			}
		}
		JsonNode kind = json.get("kind");
		if (kind == null || !kind.isString()) {
			throw new IllegalArgumentException("a fault needs a \"kind\" string but got " + json);
		}
		Fault fault = Fault.of(FaultKind.fromWireName(kind.asString()));
		String model = string(json, "model");
		fault = (model != null) ? fault.forModel(model) : fault;
		JsonNode rate = json.get("rate");
		if (rate != null && !rate.isNull()) {
			if (!rate.isNumber()) {
				throw new IllegalArgumentException("fault field \"rate\" must be a number but was " + rate);
			}
			fault = fault.withRate(rate.asDouble());
		}
		Long times = integer(json, "times");
		fault = (times != null) ? fault.withTimes(Math.toIntExact(times)) : fault;
		Long status = integer(json, "status");
		fault = (status != null) ? fault.withStatus(Math.toIntExact(status)) : fault;
		Long delay = integer(json, "delay_ms");
		fault = (delay != null) ? fault.withDelay(Duration.ofMillis(delay)) : fault;
		Long chunks = integer(json, "after_chunks");
		fault = (chunks != null) ? fault.withAfterChunks(Math.toIntExact(chunks)) : fault;
		String message = string(json, "message");
		return (message != null) ? fault.withMessage(message) : fault;
	}

	/**
	 * Reads the body of {@code POST}/{@code PUT /admin/faults}: one fault object, or
	 * {@code {"faults": [...]}}.
	 * @param body the JSON object
	 * @return the faults, in order
	 * @throws IllegalArgumentException for a bad fault
	 */
	public static List<Fault> readAll(JsonNode body) {
		JsonNode many = body.get("faults");
		if (many == null) {
			return List.of(read(body));
		}
		if (!many.isArray() || body.size() != 1) {
			throw new IllegalArgumentException("expected one fault object or {\"faults\": [...]} but got " + body);
		}
		List<Fault> faults = new ArrayList<>();
		many.forEach((fault) -> faults.add(read(fault)));
		return faults;
	}

	/**
	 * Reads a fault written on the command line, either as JSON or as
	 * {@code kind,field=value,...}.
	 * @param spec e.g. {@code disconnect,after_chunks=3,model=llama3.2:3b}
	 * @return the fault
	 * @throws IllegalArgumentException for a bad spec, quoting it
	 */
	public static Fault parse(String spec) {
		String trimmed = spec.trim();
		if (trimmed.startsWith("{")) {
			try {
				return read(MAPPER.readTree(trimmed));
			}
			catch (JacksonException ex) {
				throw new IllegalArgumentException("fault " + spec + " is not valid JSON: " + ex.getOriginalMessage());
			}
		}
		String[] parts = trimmed.split(",");
		ObjectNode json = MAPPER.createObjectNode();
		json.put("kind", parts[0].trim());
		for (int i = 1; i < parts.length; i++) {
			int equals = parts[i].indexOf('=');
			if (equals < 1) {
				throw new IllegalArgumentException(
						"fault \"" + spec + "\": expected field=value but got \"" + parts[i] + "\"");
			}
			String field = parts[i].substring(0, equals).trim().replace('-', '_');
			String value = parts[i].substring(equals + 1).trim();
			if (NUMBER_FIELDS.contains(field)) {
				try {
					if (field.equals("rate")) {
						json.put(field, Double.parseDouble(value));
					}
					else {
						json.put(field, Long.parseLong(value));
					}
				}
				catch (NumberFormatException ex) {
					throw new IllegalArgumentException(
							"fault \"" + spec + "\": " + field + " needs a number but got \"" + value + "\"");
				}
			}
			else {
				json.put(field, value);
			}
		}
		return read(json);
	}

	/**
	 * The admin endpoint's view of a server's faults.
	 * @param faults the faults with their counts
	 * @return {@code {"faults": [...]}}
	 */
	public static Listing listing(List<ActiveFault> faults) {
		return new Listing(faults.stream().map(View::of).toList());
	}

	private static String string(JsonNode json, String field) {
		JsonNode value = json.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new IllegalArgumentException("fault field \"" + field + "\" must be a string but was " + value);
		}
		return value.asString();
	}

	private static Long integer(JsonNode json, String field) {
		JsonNode value = json.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			throw new IllegalArgumentException("fault field \"" + field + "\" must be a whole number but was " + value);
		}
		return value.asLong();
	}

	/** The reply of {@code /admin/faults}. */
	public record Listing(List<View> faults) {
	}

	/**
	 * One fault as the admin endpoint shows it; {@code times} and {@code remaining} are
	 * null when unlimited, {@code status} and {@code message} when the backend's usual
	 * ones apply.
	 */
	public record View(long id, String kind, String model, double rate, Integer times, Integer status, long delayMs,
			int afterChunks, String message, long calls, long fired, Integer remaining) {

		static View of(ActiveFault active) {
			Fault fault = active.fault();
			return new View(active.id(), fault.kind().wireName(), fault.model(), fault.rate(),
					(fault.times() == Fault.UNLIMITED) ? null : fault.times(),
					(fault.status() == 0) ? null : fault.status(), fault.delay().toMillis(), fault.afterChunks(),
					fault.message(), active.calls(), active.fired(),
					(active.remaining() == Fault.UNLIMITED) ? null : active.remaining());
		}

	}

}
