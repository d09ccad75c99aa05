package io.llmfleet.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.llmfleet.core.topic.FleetTopics;
import io.llmfleet.worker.runtime.WorkerProperties;

/**
 * Checks a set of Kubernetes manifests and lists what is wrong: required fields of every
 * document, the pods of every workload ({@link PodChecks}), and the references between
 * documents: KEDA ScaledObjects to the Deployment they scale, the topic and consumer
 * group its workers use and the partitions its replicas need; PodDisruptionBudgets,
 * Services and PodMonitors to the pods they select.
 */
final class ManifestChecks {

	private ManifestChecks() {
	}

	static List<String> check(Manifests manifests) {
		List<String> problems = new ArrayList<>(manifests.problems());
		for (Map<String, Object> document : manifests.documents()) {
			for (String field : List.of("apiVersion", "kind")) {
				if (Nodes.text(document, field) == null) {
					problems.add("A document has no " + field + ": " + document);
				}
			}
			if (Nodes.text(document, "metadata", "name") == null) {
				problems.add("A " + document.get("kind") + " has no metadata.name");
			}
		}
		PodChecks.check(manifests, problems::add);
		manifests.ofKind("ScaledObject")
			.forEach((scaledObject) -> checkScaledObject(scaledObject, manifests, problems::add));
		List<Workload> workloads = Workload.all(manifests);
		for (Map<String, Object> budget : manifests.ofKind("PodDisruptionBudget")) {
			String name = "PodDisruptionBudget " + Nodes.text(budget, "metadata", "name");
			long picked = workloads.stream()
				.filter((workload) -> workload
					.podsMatch(Nodes.strings(Nodes.at(budget, "spec", "selector", "matchLabels"))))
				.count();
			if (picked != 1) {
				problems.add(name + " must select the pods of exactly one workload, selects " + picked);
			}
			if ((Nodes.at(budget, "spec", "minAvailable") == null) == (Nodes.at(budget, "spec",
					"maxUnavailable") == null)) {
				problems.add(name + " needs exactly one of minAvailable and maxUnavailable");
			}
		}
		for (Map<String, Object> service : manifests.ofKind("Service")) {
			requireSelectedPods("Service " + Nodes.text(service, "metadata", "name"),
					Nodes.strings(Nodes.at(service, "spec", "selector")), workloads, problems::add);
		}
		for (Map<String, Object> monitor : manifests.ofKind("PodMonitor")) {
			requireSelectedPods("PodMonitor " + Nodes.text(monitor, "metadata", "name"),
					Nodes.strings(Nodes.at(monitor, "spec", "selector", "matchLabels")), workloads, problems::add);
		}
		return problems;
	}

	private static void requireSelectedPods(String name, Map<String, String> selector, List<Workload> workloads,
			Consumer<String> problems) {
		if (workloads.stream().noneMatch((workload) -> workload.podsMatch(selector))) {
			problems.accept(name + " selects no pods: " + selector);
		}
	}

	private static void checkScaledObject(Map<String, Object> scaledObject, Manifests manifests,
			Consumer<String> problems) {
		String name = "ScaledObject " + Nodes.text(scaledObject, "metadata", "name");
		String target = Nodes.text(scaledObject, "spec", "scaleTargetRef", "name");
		String targetKind = Nodes.text(scaledObject, "spec", "scaleTargetRef", "kind");
		if (targetKind != null && !targetKind.equals("Deployment")) {
			problems.accept(name + " scales a " + targetKind + "; the fleet's workers are Deployments");
			return;
		}
		Workload workload = manifests.find("Deployment", (target != null) ? target : "")
			.map(Workload::new)
			.orElse(null);
		if (workload == null) {
			problems.accept(name + " scales Deployment " + target + ", which is not defined");
			return;
		}
		String source = Nodes.text(scaledObject, "spec", "scaleTargetRef", "envSourceContainerName");
		Map<String, Object> container = (source != null) ? workload.container(source).orElse(null)
				: workload.containers().get(0);
		if (container == null) {
			problems.accept(name + " reads the environment of container " + source + ", which " + workload + " lacks");
			return;
		}
		int min = intOr(Nodes.at(scaledObject, "spec", "minReplicaCount"), 0);
		int max = intOr(Nodes.at(scaledObject, "spec", "maxReplicaCount"), 100);
		if (min < 1) {
			problems.accept(name + ": minReplicaCount must be at least 1: the dispatcher routes only to models with "
					+ "a live worker, so a model at zero replicas never gets the lag that would scale it up");
		}
		if (max < min) {
			problems.accept(name + ": maxReplicaCount " + max + " is below minReplicaCount " + min);
		}
		WorkerProperties worker;
		FleetTopics topics;
		try {
			ServiceEnvironment environment = PodEnvironment.of(workload, container, manifests, target + "-0");
			worker = environment.bind("fleet.worker", WorkerProperties.class);
			topics = environment.bind("fleet.topics", FleetTopics.class);
		}
		catch (RuntimeException ex) {
			problems.accept(name + ": the workers it scales would not start: " + ex.getMessage());
			return;
		}
		if (worker.models().size() != 1) {
			problems.accept(name + ": the workers it scales must serve one model, serve " + worker.models());
			return;
		}
		String model = worker.models().get(0);
		if ((long) max * worker.maxInFlight() > topics.modelPartitions()) {
			problems.accept(name + ": " + max + " replicas x " + worker.maxInFlight() + " consumers each need "
					+ max * worker.maxInFlight() + " partitions, fleet.topics.model-partitions is "
					+ topics.modelPartitions());
		}
		List<Map<String, Object>> triggers = Nodes.maps(Nodes.at(scaledObject, "spec", "triggers"));
		if (triggers.isEmpty()) {
			problems.accept(name + " has no triggers");
		}
		Map<String, String> variables = Workload.environment(container, manifests.configMaps());
		for (Map<String, Object> trigger : triggers) {
			Map<String, String> metadata = Nodes.strings(trigger.get("metadata"));
			if (!"kafka".equals(trigger.get("type"))) {
				problems.accept(name + ": trigger type " + trigger.get("type") + " instead of kafka (consumer lag)");
				continue;
			}
			expect(problems, name + " topic", metadata.get("topic"), topics.model(model));
			expect(problems, name + " consumerGroup", metadata.get("consumerGroup"), topics.workerGroup(model));
			String lag = metadata.getOrDefault("lagThreshold", "");
			if (!lag.matches("[1-9]\\d*")) {
				problems.accept(name + ": lagThreshold must be a positive whole number, is '" + lag + "'");
			}
			String fromEnv = metadata.get("bootstrapServersFromEnv");
			if (fromEnv != null && !variables.containsKey(fromEnv)) {
				problems.accept(name + ": bootstrapServersFromEnv " + fromEnv + " is not set in container "
						+ container.get("name") + " of " + workload);
			}
			if (fromEnv == null && metadata.get("bootstrapServers") == null) {
				problems.accept(name + " names no bootstrap servers");
			}
		}
	}

	private static void expect(Consumer<String> problems, String what, String actual, String expected) {
		if (!expected.equals(actual)) {
			problems.accept(what + " is " + actual + ", the workers use " + expected);
		}
	}

	private static int intOr(Object value, int otherwise) {
		return (value != null) ? Integer.parseInt(value.toString()) : otherwise;
	}

}
