package io.llmfleet.simulator.fault;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultTests {

	@Test
	void factoriesFireOnEveryCallOfEveryModelWithoutLimit() {
		Fault fault = Fault.overloaded();
		assertThat(fault.kind()).isEqualTo(FaultKind.OVERLOADED);
		assertThat(fault.model()).isNull();
		assertThat(fault.rate()).isEqualTo(1.0);
		assertThat(fault.times()).isEqualTo(Fault.UNLIMITED);
		assertThat(fault.status()).isZero();
		assertThat(fault.statusOr(503)).isEqualTo(503);
		assertThat(fault.messageOr("usual")).isEqualTo("usual");
	}

	@Test
	void withersChangeOnlyTheirField() {
		Fault fault = Fault.error(503)
			.forModel("llama3.2:3b")
			.withRate(0.25)
			.withTimes(3)
			.withAfterChunks(2)
			.withMessage("boom");
		assertThat(fault).isEqualTo(new Fault(FaultKind.ERROR, "llama3.2:3b", 0.25, 3, 503, Duration.ZERO, 2, "boom"));
		assertThat(Fault.hang().once().times()).isEqualTo(1);
		assertThat(Fault.slowLoad(Duration.ofSeconds(2)).delay()).isEqualTo(Duration.ofSeconds(2));
		assertThat(Fault.disconnectAfter(4).afterChunks()).isEqualTo(4);
	}

	@Test
	void blankModelMeansEveryModel() {
		assertThat(Fault.outOfMemory().forModel(" ").model()).isNull();
	}

	@Test
	void rejectsBadValuesQuotingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.error(200))
			.withMessage("status must be an error status (400 to 599) but was 200");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.hang().withRate(0))
			.withMessage("rate must be greater than 0 and at most 1 but was 0.0");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.hang().withRate(1.5))
			.withMessageContaining("was 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.hang().withTimes(0))
			.withMessage("times must be at least 1 (or -1 for unlimited) but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.slowLoad(Duration.ofMillis(-1)))
			.withMessageContaining("PT-0.001S");
		assertThatIllegalArgumentException().isThrownBy(() -> Fault.disconnectAfter(-2))
			.withMessage("afterChunks must not be negative but was -2");
	}

	@Test
	void kindsHaveSnakeCaseWireNames() {
		assertThat(FaultKind.OUT_OF_MEMORY.wireName()).isEqualTo("out_of_memory");
		assertThat(FaultKind.fromWireName("Slow-Load")).isEqualTo(FaultKind.SLOW_LOAD);
		assertThatIllegalArgumentException().isThrownBy(() -> FaultKind.fromWireName("flaky"))
			.withMessage("unknown fault kind \"flaky\", expected one of error, out_of_memory, overloaded, slow_load, "
					+ "hang, disconnect");
	}

}
