package io.llmfleet.cli.local;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.errors.GroupIdNotFoundException;

/**
 * Waits until consumer groups are stable with every member holding partitions, so that a
 * fleet reported as started serves its first request at once instead of after the groups'
 * initial rebalances.
 */
final class ConsumerGroupsReady {

	private ConsumerGroupsReady() {
	}

	/**
	 * Blocks until every group in {@code groupIds} is ready.
	 * @throws IllegalStateException naming the groups not ready when {@code timeout}
	 * passes
	 */
	static void await(String bootstrapServers, Collection<String> groupIds, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			while (true) {
				java.util.List<String> notReady = notReady(admin, groupIds);
				if (notReady.isEmpty()) {
					return;
				}
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Consumer groups not ready after " + timeout + ": " + notReady);
				}
				Thread.sleep(100);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted waiting for consumer groups " + groupIds, ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot describe consumer groups " + groupIds + ": " + ex, ex);
		}
	}

	private static java.util.List<String> notReady(Admin admin, Collection<String> groupIds) throws Exception {
		try {
			Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(groupIds)
				.all()
				.get(10, TimeUnit.SECONDS);
			return groups.values()
				.stream()
				.filter((group) -> !isReady(group))
				.map((group) -> group.groupId() + " (" + group.groupState() + ")")
				.toList();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof GroupIdNotFoundException missing) {
				// A group exists only once its first member has joined.
				return java.util.List.of(missing.getMessage());
			}
			throw ex;
		}
	}

	private static boolean isReady(ConsumerGroupDescription group) {
		return group.groupState() == GroupState.STABLE && !group.members().isEmpty()
				&& group.members().stream().allMatch((member) -> !member.assignment().topicPartitions().isEmpty());
	}

}
