package io.llmfleet.classifier.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Embeds many prompts once, for training and cross-validation: every fold reuses the same
 * embeddings, held in memory for the run and never written to disk. Uses one thread per
 * core, each running the encoder single-threaded.
 */
public final class Embeddings {

	private Embeddings() {
	}

	/**
	 * The embedding of each prompt, in order.
	 * @param encoder the encoder
	 * @param prompts the prompts
	 * @param threads how many prompts to embed at once
	 * @param progress told the number of prompts done, every 250 and at the end
	 * @return one embedding per prompt
	 */
	public static List<float[]> of(SentenceEncoder encoder, List<String> prompts, int threads, IntConsumer progress) {
		float[][] embeddings = new float[prompts.size()][];
		AtomicInteger next = new AtomicInteger();
		AtomicInteger done = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < Math.max(1, threads); t++) {
				workers.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < embeddings.length; i = next.getAndIncrement()) {
						embeddings[i] = encoder.embed(prompts.get(i));
						int count = done.incrementAndGet();
						if (count % 250 == 0 || count == embeddings.length) {
							progress.accept(count);
						}
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while embedding prompts", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Embedding failed: " + ex.getCause().getMessage(), ex.getCause());
		}
		finally {
			pool.shutdownNow();
		}
		return List.of(embeddings);
	}

}
