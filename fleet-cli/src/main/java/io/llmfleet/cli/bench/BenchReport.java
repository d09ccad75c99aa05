package io.llmfleet.cli.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The figures of one bench run, and their tables: latency and throughput per phase and
 * target, the fleet over raw ratios against the targets, scaling and memory. Tables are
 * Markdown, readable on a terminal and pasted as they are into BENCHMARKS.md.
 */
public final class BenchReport {

	/** The raw chain's name in every phase. */
	public static final String RAW = "raw";

	/** The raw chain with transactions on the classifier's and dispatcher's hops. */
	public static final String RAW_TX = "raw-tx";

	/** The fleet's name in every phase. */
	public static final String FLEET = "fleet";

	private final Map<String, Map<String, Measurement>> latency = new LinkedHashMap<>();

	private final Map<String, Map<String, Measurement>> throughput = new LinkedHashMap<>();

	private final Map<Integer, Measurement> scaling = new LinkedHashMap<>();

	private final List<MemoryRow> memory = new ArrayList<>();

	private final Map<String, StageTimes> stages = new LinkedHashMap<>();

	private final List<String> loads = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	/** Records a latency run of {@code phase}. */
	public void latency(String phase, Measurement measurement) {
		this.latency.computeIfAbsent(phase, (key) -> new LinkedHashMap<>()).put(measurement.target(), measurement);
	}

	/** Records a throughput run of {@code phase}. */
	public void throughput(String phase, Measurement measurement) {
		this.throughput.computeIfAbsent(phase, (key) -> new LinkedHashMap<>()).put(measurement.target(), measurement);
	}

	/** Records where the fleet's time went in the latency runs of {@code phase}. */
	public void stages(String phase, StageTimes times) {
		this.stages.put(phase, times);
	}

	/** Records the throughput with {@code workers} workers. */
	public void scaling(int workers, Measurement measurement) {
		this.scaling.put(workers, measurement);
	}

	/** Records a process's memory. */
	public void memory(String what, long pid, ProcessMemory memory) {
		this.memory.add(new MemoryRow(what, pid, memory));
	}

	/** Records the load averages around a phase. */
	public void load(String phase, String before, String after) {
		this.loads.add(phase + ": " + before + " before, " + after + " after");
	}

	/** Adds a line under the tables. */
	public void note(String note) {
		this.notes.add(note);
	}

	/** The fleet over raw ratios of every phase that measured both. */
	public List<Ratio> ratios() {
		List<Ratio> ratios = new ArrayList<>();
		for (String phase : phases()) {
			Map<String, Measurement> latencies = this.latency.getOrDefault(phase, Map.of());
			Map<String, Measurement> rates = this.throughput.getOrDefault(phase, Map.of());
			for (String raw : List.of(RAW, RAW_TX)) {
				boolean fleet = latencies.containsKey(FLEET) || rates.containsKey(FLEET);
				boolean base = latencies.containsKey(raw) || rates.containsKey(raw);
				if (fleet && base) {
					ratios.add(Ratio.of(phase, latencies.get(FLEET), latencies.get(raw), rates.get(FLEET),
							rates.get(raw), raw.equals(RAW) && phase.equals(FleetBench.TRANSACTIONS_OFF)));
				}
			}
		}
		return ratios;
	}

	/** Two workers' throughput over one's, when both were measured. */
	public Optional<Double> scalingRatio() {
		Measurement one = this.scaling.get(1);
		Measurement two = this.scaling.get(2);
		if (one == null || two == null || one.perSecond() <= 0) {
			return Optional.empty();
		}
		return Optional.of(two.perSecond() / one.perSecond());
	}

	/** Whether every target measured was met. */
	public boolean targetsMet() {
		boolean met = this.ratios()
			.stream()
			.filter(Ratio::targeted)
			.allMatch((ratio) -> ratio.p50Met() && ratio.p99Met() && ratio.throughputMet());
		return met && scalingRatio().map((ratio) -> ratio >= Ratio.SCALING_TARGET).orElse(true);
	}

	private List<String> phases() {
		List<String> phases = new ArrayList<>(this.latency.keySet());
		this.throughput.keySet().stream().filter((phase) -> !phases.contains(phase)).forEach(phases::add);
		return phases;
	}

	/**
	 * Every table.
	 * @param header lines above the tables (date, machine, command, settings)
	 * @return the report's text
	 */
	public String render(List<String> header) {
		StringBuilder out = new StringBuilder();
		header.forEach((line) -> out.append(line).append('\n'));
		if (!this.latency.isEmpty()) {
			out.append("\nLatency, one request in flight (ms):\n\n");
			MarkdownTable table = new MarkdownTable("phase", "target", "p50", "p99", "p99.9", "mean", "max", "timed",
					"sent", "received", "lost", "failed");
			this.latency.forEach((phase, runs) -> runs.values().forEach((run) -> {
				LatencySummary latency = run.latency();
				table.row(phase, run.target(), ms(latency, LatencySummary::p50Ms), ms(latency, LatencySummary::p99Ms),
						ms(latency, LatencySummary::p999Ms), ms(latency, LatencySummary::meanMs),
						ms(latency, LatencySummary::maxMs), (latency != null) ? Integer.toString(latency.count()) : "-",
						counts(run));
			}));
			out.append(table.render());
		}
		if (this.stages.values().stream().anyMatch((times) -> times.count() > 0)) {
			out.append("\nFleet latency by stage, one request in flight (mean ms, from the results' timings):\n\n");
			List<String> columns = new ArrayList<>(List.of("phase", "requests"));
			columns.addAll(StageTimes.STAGES);
			MarkdownTable table = new MarkdownTable(columns.toArray(String[]::new));
			this.stages.forEach((phase, times) -> {
				List<String> row = new ArrayList<>(List.of(phase, Long.toString(times.count())));
				times.means().values().forEach((mean) -> row.add(number(mean, 2)));
				table.row(row.toArray());
			});
			out.append(table.render());
		}
		if (!this.throughput.isEmpty()) {
			out.append("\nThroughput, bounded window in flight:\n\n");
			MarkdownTable table = new MarkdownTable("phase", "target", "requests/s", "rounds", "seconds", "p50 ms",
					"p99 ms", "sent", "received", "lost", "failed");
			this.throughput.forEach((phase, runs) -> runs.values()
				.forEach((run) -> table.row(phase, run.target(), rate(run), rounds(run), number(run.seconds(), 1),
						ms(run.latency(), LatencySummary::p50Ms), ms(run.latency(), LatencySummary::p99Ms),
						counts(run))));
			out.append(table.render());
		}
		List<Ratio> ratios = ratios();
		if (!ratios.isEmpty()) {
			out.append("\nFleet / raw (targets with transactions off: p50 <= 2x, p99 <= 3x, throughput >= 0.5x):\n\n");
			MarkdownTable table = new MarkdownTable("phase", "fleet / raw", "p50", "p99", "throughput", "targets");
			for (Ratio ratio : ratios) {
				String targets = ratio.targeted() ? verdict(ratio.p50Met()) + " / " + verdict(ratio.p99Met()) + " / "
						+ verdict(ratio.throughputMet()) : "reported beside";
				table.row(ratio.phase(), ratio.fleet() + " / " + ratio.raw(), times(ratio.p50()), times(ratio.p99()),
						times(ratio.throughput()), targets);
			}
			out.append(table.render());
		}
		if (!this.scaling.isEmpty()) {
			out.append("\nScaling, one model, throughput by workers (target: 2 workers >= 1.8x one):\n\n");
			MarkdownTable table = new MarkdownTable("workers", "requests/s", "x one worker", "p50 ms", "p99 ms", "sent",
					"received", "lost", "failed");
			Measurement one = this.scaling.get(1);
			this.scaling.forEach((workers, run) -> table.row(Integer.toString(workers), rate(run),
					(one != null && one.perSecond() > 0) ? times(run.perSecond() / one.perSecond()) : "-",
					ms(run.latency(), LatencySummary::p50Ms), ms(run.latency(), LatencySummary::p99Ms), counts(run)));
			out.append(table.render());
			scalingRatio().ifPresent((ratio) -> out.append("\n2 workers / 1 worker: ")
				.append(times(ratio))
				.append(" (target >= 1.8x: ")
				.append(verdict(ratio >= Ratio.SCALING_TARGET))
				.append(")\n"));
		}
		if (!this.memory.isEmpty()) {
			out.append("\nResident memory after the run:\n\n");
			MarkdownTable table = new MarkdownTable("process", "pid", "RSS MiB", "peak RSS MiB");
			this.memory.forEach((row) -> table.row(row.what(), Long.toString(row.pid()),
					number(row.memory().rssMib(), 0), number(row.memory().peakRssMib(), 0)));
			out.append(table.render());
		}
		if (!this.loads.isEmpty()) {
			out.append("\nLoad averages (1/5/15 min):\n");
			this.loads.forEach((line) -> out.append("- ").append(line).append('\n'));
		}
		if (!this.notes.isEmpty()) {
			out.append('\n');
			this.notes.forEach((line) -> out.append(line).append('\n'));
		}
		return out.toString();
	}

	private static String[] counts(Measurement run) {
		Counts counts = run.counts();
		return new String[] { Long.toString(counts.sent()), Long.toString(counts.received()),
				Long.toString(counts.lost()), Long.toString(counts.failed()) };
	}

	private static String rounds(Measurement run) {
		return String.join(" / ", run.roundRates().stream().map((rate) -> number(rate, 0)).toList());
	}

	private static String rate(Measurement run) {
		return number(run.perSecond(), 0);
	}

	private static String ms(LatencySummary latency, java.util.function.ToDoubleFunction<LatencySummary> figure) {
		return (latency != null) ? number(figure.applyAsDouble(latency), 2) : "-";
	}

	static String times(double ratio) {
		return Double.isNaN(ratio) ? "-" : number(ratio, 2) + "x";
	}

	private static String verdict(boolean met) {
		return met ? "met" : "MISSED";
	}

	static String number(double value, int decimals) {
		return String.format(Locale.ROOT, "%." + decimals + "f", value);
	}

	private record MemoryRow(String what, long pid, ProcessMemory memory) {
	}

}
