package io.llmfleet.dispatcher.capacity;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * How fresh the dispatcher's capacity view is: UP while some worker reports on time; DOWN
 * when every worker it knows has gone silent (it would place requests blind); UNKNOWN
 * before any worker has reported.
 */
public class CapacityHealthIndicator extends AbstractHealthIndicator {

	private final CapacityView view;

	public CapacityHealthIndicator(CapacityView view) {
		super("Capacity view check failed");
		this.view = view;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		int known = this.view.known();
		int live = this.view.live().size();
		if (known == 0) {
			builder.unknown().withDetail("workers", 0);
			return;
		}
		(live > 0 ? builder.up() : builder.down()).withDetail("workers", known)
			.withDetail("live", live)
			.withDetail("stalestReportAgeMs", this.view.stalestLiveReportAge().toMillis());
	}

}
