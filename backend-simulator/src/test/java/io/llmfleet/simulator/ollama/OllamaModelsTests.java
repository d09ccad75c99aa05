package io.llmfleet.simulator.ollama;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class OllamaModelsTests {

	private final OllamaModels models = new OllamaModels(List.of("llama3.2:3b", "qwen2.5-coder:7b"),
			Map.of("llama3.2:3b", 3_000_000_000L), Duration.ZERO);

	private final ModelCard llama = this.models.require("llama3.2:3b");

	@Test
	void aLoadCutShortByShutdownLeavesNothingListed() throws Exception {
		OllamaModels slow = new OllamaModels(List.of("llama3.2:3b"), Map.of(), Duration.ofHours(1));
		ModelCard card = slow.require("llama3.2:3b");
		Thread loader = new Thread(() -> {
			try {
				slow.acquire(card, 0, () -> Duration.ZERO);
			}
			catch (InterruptedException ex) {
				// the simulator stopping ends the load
			}
		});
		loader.start();
		await().atMost(10, TimeUnit.SECONDS).until(() -> !slow.running().models().isEmpty());
		loader.interrupt();
		loader.join(10_000);
		assertThat(slow.running().models()).isEmpty();
	}

	@Test
	void nothingIsLoadedAtStart() {
		assertThat(this.models.running().models()).isEmpty();
	}

	@Test
	void aModelIsListedAsSoonAsItsLoadStartsAsOllamaListsItsRunner() throws Exception {
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch finishLoad = new CountDownLatch(1);
		CompletableFuture<Duration> load = CompletableFuture.supplyAsync(() -> acquire(this.llama, () -> {
			loading.countDown();
			awaitUninterruptibly(finishLoad);
			return Duration.ZERO;
		}));
		assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(load).isNotDone();
		assertThat(this.models.running().models()).extracting(OllamaApi.RunningModel::name)
			.containsExactly("llama3.2:3b");
		finishLoad.countDown();
		load.get(10, TimeUnit.SECONDS);
		assertThat(this.models.running().models()).extracting(OllamaApi.RunningModel::name)
			.containsExactly("llama3.2:3b");
	}

	@Test
	void requestsArrivingDuringALoadDoNotLoadAgain() throws Exception {
		CountDownLatch loading = new CountDownLatch(1);
		CountDownLatch finishLoad = new CountDownLatch(1);
		AtomicInteger loads = new AtomicInteger();
		CompletableFuture<Duration> first = CompletableFuture.supplyAsync(() -> acquire(this.llama, () -> {
			loads.incrementAndGet();
			loading.countDown();
			awaitUninterruptibly(finishLoad);
			return Duration.ZERO;
		}));
		assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Duration> second = CompletableFuture.supplyAsync(() -> acquire(this.llama, () -> {
			loads.incrementAndGet();
			return Duration.ZERO;
		}));
		finishLoad.countDown();
		first.get(10, TimeUnit.SECONDS);
		second.get(10, TimeUnit.SECONDS);
		assertThat(loads).hasValue(1);
	}

	@Test
	void aLoadedModelShowsItsVramSizeAndContextLength() throws Exception {
		this.models.acquire(this.llama, 8192, () -> Duration.ZERO);
		this.models.release(this.llama, KeepAlive.DEFAULT);
		this.models.acquire(this.models.require("qwen2.5-coder:7b"), 0, () -> Duration.ZERO);
		List<OllamaApi.RunningModel> running = this.models.running().models();
		assertThat(running.get(0).sizeVram()).isEqualTo(3_000_000_000L);
		assertThat(running.get(0).size()).isEqualTo(3_000_000_000L);
		assertThat(running.get(0).contextLength()).isEqualTo(8192);
		// 7B at Q4_K_M: 4.2 GB of weights, about 5 GB once loaded
		assertThat(running.get(1).sizeVram()).isEqualTo(5_040_000_000L);
		assertThat(running.get(1).contextLength()).isEqualTo(OllamaModels.DEFAULT_CONTEXT_LENGTH);
	}

	@Test
	void zeroKeepAliveUnloadsOnlyOnceTheLastUserIsDone() throws Exception {
		KeepAlive zero = new KeepAlive(Duration.ZERO, false);
		this.models.acquire(this.llama, 0, () -> Duration.ZERO);
		this.models.acquire(this.llama, 0, () -> Duration.ZERO);
		this.models.release(this.llama, zero);
		assertThat(this.models.running().models()).hasSize(1);
		this.models.release(this.llama, zero);
		assertThat(this.models.running().models()).isEmpty();
	}

	@Test
	void anExpiredModelIsDropped() throws Exception {
		this.models.acquire(this.llama, 0, () -> Duration.ZERO);
		this.models.release(this.llama, new KeepAlive(Duration.ofNanos(1), false));
		await().atMost(10, TimeUnit.SECONDS).until(() -> this.models.running().models().isEmpty());
	}

	@Test
	void loadTimeAndSlowLoadAddUp() throws Exception {
		OllamaModels slow = new OllamaModels(List.of("llama3.2:3b"), Map.of(), Duration.ofMillis(30));
		ModelCard card = slow.require("llama3.2:3b");
		assertThat(slow.acquire(card, 0, () -> Duration.ofMillis(40))).isGreaterThanOrEqualTo(Duration.ofMillis(70));
		slow.acquire(card, 0, () -> {
			throw new AssertionError("a loaded model is not loaded again");
		});
	}

	private Duration acquire(ModelCard card, Supplier<Duration> extra) {
		try {
			return this.models.acquire(card, 0, extra);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
