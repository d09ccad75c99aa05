package io.llmfleet.simulator.ollama;

import java.time.Duration;

import io.llmfleet.simulator.http.HttpError;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class KeepAliveTests {

	private static KeepAlive read(String json) {
		return KeepAlive.from(JsonMapper.shared().readTree(json));
	}

	@Test
	void absentKeepAliveMeansFiveMinutes() {
		assertThat(KeepAlive.from(null)).isEqualTo(new KeepAlive(Duration.ofMinutes(5), false));
	}

	@Test
	void readsGoDurationStrings() {
		assertThat(read("\"10s\"").duration()).isEqualTo(Duration.ofSeconds(10));
		assertThat(read("\"1h30m\"").duration()).isEqualTo(Duration.ofMinutes(90));
		assertThat(read("\"250ms\"").duration()).isEqualTo(Duration.ofMillis(250));
	}

	@Test
	void readsNumbersAsSeconds() {
		assertThat(read("300").duration()).isEqualTo(Duration.ofMinutes(5));
		assertThat(read("\"60\"").duration()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void negativeMeansForeverAndZeroUnloadsNow() {
		assertThat(read("-1").forever()).isTrue();
		assertThat(read("\"-1m\"").forever()).isTrue();
		assertThat(read("0").unloadsNow()).isTrue();
		assertThat(read("\"0s\"").unloadsNow()).isTrue();
	}

	@Test
	void rejectsGarbageInGosWords() {
		assertThatExceptionOfType(HttpError.class).isThrownBy(() -> read("\"soon\""))
			.withMessage("time: invalid duration \"soon\"")
			.satisfies((error) -> assertThat(error.status()).isEqualTo(400));
	}

}
