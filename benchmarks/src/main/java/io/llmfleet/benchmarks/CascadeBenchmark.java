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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import io.llmfleet.classifier.cascade.Cascade;
import io.llmfleet.classifier.cascade.CascadeProperties;
import io.llmfleet.classifier.cascade.EmbeddingStage;
import io.llmfleet.classifier.cascade.HeadFile;
import io.llmfleet.classifier.decision.ClassifierProperties;
import io.llmfleet.classifier.decision.TierClassifier;
import io.llmfleet.classifier.language.LanguageIdentifier;
import io.llmfleet.classifier.language.LanguageProperties;
import io.llmfleet.classifier.model.ModelLocation;
import io.llmfleet.classifier.model.TierModel;
import io.llmfleet.classifier.rules.ClassifierDecision;
import io.llmfleet.classifier.rules.RuleSet;

/**
 * The cascade over every training prompt, one thread (one core; ONNX Runtime runs
 * single-threaded): {@code secondStage} is the second stage alone on every prompt
 * (tokenizer, MiniLM through ONNX Runtime, pooling, head), {@code cascade} the whole
 * request-path decision as {@code ClassifierBenchmark.classify} measures it, with the
 * second stage asked below the configured cascade threshold (whether or not the service
 * enables it). The {@code *Latency} twins sample each call's time for percentiles.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgs = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 2, time = 10)
@Measurement(iterations = 3, time = 10)
@Threads(1)
public class CascadeBenchmark {

	private EmbeddingStage second;

	private TierClassifier classifier;

	private Prompts prompts;

	@Setup
	public void setUp() throws IOException {
		TierModel model = ModelLocation.of(ClassifierProperties.DEFAULT_MODEL).load();
		CascadeProperties cascade = configuredCascade();
		this.second = EmbeddingStage.load(HeadFile.load(cascade.model()));
		this.prompts = Prompts.training();
		ServiceConfiguration service = ServiceConfiguration.load();
		this.classifier = new TierClassifier(service.catalog(), new RuleSet(service.rules(), service.catalog()),
				() -> model, new LanguageIdentifier(LanguageProperties.defaults()), service.threshold(),
				new Cascade(this.second, cascade.threshold(), cascade.weight()));
	}

	/**
	 * {@code fleet.classifier.cascade} of the service's {@code classifier-service.yml}.
	 */
	static CascadeProperties configuredCascade() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("classifier-service.yml", new ClassPathResource("classifier-service.yml"))
			.forEach(environment.getPropertySources()::addLast);
		return Binder.get(environment)
			.bind("fleet.classifier.cascade", CascadeProperties.class)
			.orElse(CascadeProperties.defaults());
	}

	@TearDown
	public void tearDown() {
		this.second.close();
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public double[] secondStage() {
		return this.second.predict(this.prompts.nextPrompt());
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public double[] secondStageLatency() {
		return this.second.predict(this.prompts.nextPrompt());
	}

	@Benchmark
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public ClassifierDecision cascade() {
		return this.classifier.classify(this.prompts.nextRequest());
	}

	@Benchmark
	@BenchmarkMode(Mode.SampleTime)
	@OutputTimeUnit(TimeUnit.MICROSECONDS)
	public ClassifierDecision cascadeLatency() {
		return this.classifier.classify(this.prompts.nextRequest());
	}

}
