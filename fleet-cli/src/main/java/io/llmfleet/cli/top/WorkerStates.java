package io.llmfleet.cli.top;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.LoadedModel;

/**
 * Workers as their last capacity report shows them: alive while the report is at most
 * three heartbeats old (the dispatcher's rule), draining when it says so, dead after.
 * Workers silent for more than ten minutes are only counted.
 */
final class WorkerStates {

	static final Duration SHOWN_DEAD_FOR = Duration.ofMinutes(10);

	private WorkerStates() {
	}

	/**
	 * The rows (alive first, then by id) and how many workers are long dead.
	 *
	 * @param rows the rows
	 * @param longDead workers not shown
	 */
	record Result(List<TopFrame.Worker> rows, int longDead) {
	}

	static Result of(Collection<CapacityReport> reports, Instant now) {
		List<TopFrame.Worker> rows = new ArrayList<>();
		int longDead = 0;
		for (CapacityReport report : reports) {
			long age = Duration.between(report.getReportedAt(), now).toMillis();
			if (age > SHOWN_DEAD_FOR.toMillis()) {
				longDead++;
				continue;
			}
			boolean alive = age <= 3 * report.getHeartbeatMs();
			String state = !alive ? "dead" : (report.getDraining() ? "draining" : "alive");
			String gpu = (report.getGpuName() != null)
					? report.getGpuName() + ((report.getGpuIndex() != null) ? " #" + report.getGpuIndex() : "") : "-";
			List<String> loaded = report.getModelsLoaded().stream().map(WorkerStates::loaded).toList();
			rows.add(new TopFrame.Worker(report.getWorkerId(), report.getHost(), gpu, report.getVramUsedBytes(),
					report.getVramFreeBytes(), loaded, report.getInFlight(), report.getMaxConcurrency(), state,
					report.getSource().name().toLowerCase(java.util.Locale.ROOT), age));
		}
		rows.sort(Comparator.comparing((TopFrame.Worker row) -> row.state().equals("dead"))
			.thenComparing(TopFrame.Worker::id));
		return new Result(rows, longDead);
	}

	private static String loaded(LoadedModel model) {
		String size = String.format(java.util.Locale.ROOT, "%.1fG", model.getVramBytes() / 1e9);
		return model.getModelId() + "(" + size + (model.getLoading() ? ", loading" : "") + ")";
	}

}
