package io.llmfleet.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import io.llmfleet.classifier.decision.ClassifierProperties;
import io.llmfleet.classifier.decision.TierClassifier;
import io.llmfleet.classifier.language.LanguageIdentifier;
import io.llmfleet.classifier.language.LanguageProperties;
import io.llmfleet.classifier.model.ModelLocation;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.rules.ClassifierDecision;
import io.llmfleet.classifier.rules.RuleSet;

/**
 * The first stage over every training prompt, one thread (one core): {@code model} is the
 * learned model alone (features, logits, calibrated probabilities), {@code classify} the
 * whole request-path decision as the service configures it (validation, the configured
 * rules, model, threshold, capabilities, complexity, language), {@code tier} the same
 * without language detection (the first-stage tier decision), {@code language} the
 * language identifier alone. Each invocation takes the next prompt, so the figures
 * average over the real length and language mix. The {@code *Latency} twins sample each
 * call's time for percentiles.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Threads(1)
public class ClassifierBenchmark {

	private TierModel model;

	private TierClassifier classifier;

	private TierClassifier withoutLanguage;

	private LanguageIdentifier languages;

	private Prompts prompts;

	@Setup
	public void setUp() throws IOException {
		this.model = ModelLocation.of(ClassifierProperties.DEFAULT_MODEL).load();
		this.prompts = Prompts.training();
		ServiceConfiguration service = ServiceConfiguration.load();
		this.languages = new LanguageIdentifier(LanguageProperties.defaults());
		this.classifier = new TierClassifier(service.catalog(), new RuleSet(service.rules(), service.catalog()),
				() -> this.model, this.languages, service.threshold());
		this.withoutLanguage = new TierClassifier(service.catalog(), new RuleSet(service.rules(), service.catalog()),
				() -> this.model, null, service.threshold());
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public double[] model() {
		return this.model.predict(this.prompts.nextPrompt());
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public double[] modelLatency() {
		return this.model.predict(this.prompts.nextPrompt());
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public ClassifierDecision classify() {
		return this.classifier.classify(this.prompts.nextRequest());
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public ClassifierDecision classifyLatency() {
		return this.classifier.classify(this.prompts.nextRequest());
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public ClassifierDecision tier() {
		return this.withoutLanguage.classify(this.prompts.nextRequest());
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public ClassifierDecision tierLatency() {
		return this.withoutLanguage.classify(this.prompts.nextRequest());
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public String language() {
		return this.languages.identify(this.prompts.nextPrompt());
	}

}
