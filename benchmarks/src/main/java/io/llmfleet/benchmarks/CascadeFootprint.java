package io.llmfleet.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import io.llmfleet.classifier.cascade.CascadeProperties;
import io.llmfleet.classifier.cascade.EmbeddingStage;
import io.llmfleet.classifier.cascade.HeadFile;

/**
 * What the cascade's second stage costs to hold: the time of its first load in this JVM
 * (head file, ONNX Runtime and tokenizer natives, the ONNX graph), the Java heap it keeps
 * (used heap after full GCs, before and after) and the process's resident memory it adds
 * (ONNX Runtime's weights and arenas live outside the heap). Run with
 * {@code java -cp ... io.llmfleet.benchmarks.CascadeFootprint}.
 */
public final class CascadeFootprint {

	private CascadeFootprint() {
	}

	public static void main(String[] args) throws IOException, InterruptedException {
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		CascadeProperties cascade = CascadeBenchmark.configuredCascade();
		long heapBefore = usedAfterGc(memory);
		long rssBefore = residentKilobytes();
		long start = System.nanoTime();
		EmbeddingStage stage = EmbeddingStage.load(HeadFile.load(cascade.model()));
		double loadMillis = (System.nanoTime() - start) / 1e6;
		stage.predict("Warm up: what is the capital of France?");
		long heapAfter = usedAfterGc(memory);
		long rssAfter = residentKilobytes();
		System.out.printf("second stage %s on %s: first load %.0f ms, heap %.1f MB, resident memory +%.0f MB%n",
				stage.id(), stage.encoder().id(), loadMillis, (heapAfter - heapBefore) / (double) (1 << 20),
				(rssAfter - rssBefore) / 1024.0);
		start = System.nanoTime();
		EmbeddingStage again = EmbeddingStage.load(HeadFile.load(cascade.model()));
		System.out.printf("a second load in the same JVM (natives already in place): %.0f ms%n",
				(System.nanoTime() - start) / 1e6);
		again.close();
		stage.close();
	}

	private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(100);
		}
		return memory.getHeapMemoryUsage().getUsed();
	}

	private static long residentKilobytes() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmRSS:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return 0;
	}

}
