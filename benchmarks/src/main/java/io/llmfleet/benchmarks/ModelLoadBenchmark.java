package io.llmfleet.benchmarks;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

import io.llmfleet.classifier.decision.ClassifierProperties;
import io.llmfleet.classifier.model.ModelLocation;
import io.llmfleet.classifier.model.TierModel;

/**
 * Loading the shipped model from the classpath (unzip, checksum, parse): single shots in
 * fresh forks measure the cold load a starting service pays; the warm figure is what a
 * hot reload costs.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgs = { "-Xms1g", "-Xmx1g" })
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class ModelLoadBenchmark {

	@Benchmark
	public TierModel coldLoad() throws IOException {
		return ModelLocation.of(ClassifierProperties.DEFAULT_MODEL).load();
	}

}
