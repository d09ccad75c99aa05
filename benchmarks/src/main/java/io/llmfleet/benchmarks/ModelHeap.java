package io.llmfleet.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;

import io.llmfleet.classifier.decision.ClassifierProperties;
import io.llmfleet.classifier.model.ModelLocation;
import io.llmfleet.classifier.model.TierModel;

/**
 * The heap a loaded model keeps: used heap after a full GC with ten models held, minus
 * before, divided by ten (holding several averages out GC noise). Run with
 * {@code java -cp ... io.llmfleet.benchmarks.ModelHeap}.
 */
public final class ModelHeap {

	private static final int MODELS = 10;

	private ModelHeap() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		ModelLocation location = ModelLocation.of(ClassifierProperties.DEFAULT_MODEL);
		location.load();
		long before = usedAfterGc(memory);
		List<TierModel> held = new ArrayList<>();
		for (int i = 0; i < MODELS; i++) {
			held.add(location.load());
		}
		long after = usedAfterGc(memory);
		System.out.printf("model %s: %.1f MB of heap each (%d models held; %d weighted features)%n", held.get(0).id(),
				(after - before) / (double) MODELS / (1 << 20), held.size(), held.get(0).linear().nonZeroFeatures());
	}

	private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

}
