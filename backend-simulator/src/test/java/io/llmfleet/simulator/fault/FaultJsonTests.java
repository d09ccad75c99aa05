package io.llmfleet.simulator.fault;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FaultJsonTests {

	private static JsonNode json(String text) {
		return FaultJson.MAPPER.readTree(text);
	}

	@Test
	void readsEveryField() {
		Fault fault = FaultJson.read(json("""
				{"kind": "error", "model": "llama3.2:3b", "rate": 0.5, "times": 2, "status": 503,
				 "delay_ms": 250, "after_chunks": 3, "message": "nope"}"""));
		assertThat(fault)
			.isEqualTo(new Fault(FaultKind.ERROR, "llama3.2:3b", 0.5, 2, 503, Duration.ofMillis(250), 3, "nope"));
	}

	@Test
	void onlyKindIsRequired() {
		assertThat(FaultJson.read(json("{\"kind\": \"hang\"}"))).isEqualTo(Fault.hang());
		assertThat(FaultJson.read(json("{\"kind\": \"hang\", \"times\": -1, \"model\": null}")))
			.isEqualTo(Fault.hang());
	}

	@Test
	void readsOneFaultOrAList() {
		assertThat(FaultJson.readAll(json("{\"kind\": \"overloaded\"}"))).containsExactly(Fault.overloaded());
		assertThat(FaultJson.readAll(json("{\"faults\": [{\"kind\": \"overloaded\"}, {\"kind\": \"hang\"}]}")))
			.containsExactly(Fault.overloaded(), Fault.hang());
	}

	@Test
	void rejectsBadFaultsQuotingThem() {
		assertThatIllegalArgumentException().isThrownBy(() -> FaultJson.read(json("{\"status\": 500}")))
			.withMessage("a fault needs a \"kind\" string but got {\"status\":500}");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FaultJson.read(json("{\"kind\": \"error\", \"code\": 500}")))
			.withMessageStartingWith("unknown fault field \"code\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FaultJson.read(json("{\"kind\": \"error\", \"times\": \"twice\"}")))
			.withMessage("fault field \"times\" must be a whole number but was \"twice\"");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> FaultJson.read(json("{\"kind\": \"error\", \"rate\": 2}")))
			.withMessageContaining("was 2.0");
	}

	@Test
	void parsesTheCommandLineForm() {
		assertThat(FaultJson.parse("error,status=503,rate=0.5,times=10,model=llama3.2:3b"))
			.isEqualTo(Fault.error(503).withRate(0.5).withTimes(10).forModel("llama3.2:3b"));
		assertThat(FaultJson.parse("disconnect,after-chunks=3")).isEqualTo(Fault.disconnectAfter(3));
		assertThat(FaultJson.parse("slow_load,delay_ms=5000")).isEqualTo(Fault.slowLoad(Duration.ofSeconds(5)));
		assertThat(FaultJson.parse("{\"kind\": \"out_of_memory\"}")).isEqualTo(Fault.outOfMemory());
		assertThatIllegalArgumentException().isThrownBy(() -> FaultJson.parse("error,status=soon"))
			.withMessage("fault \"error,status=soon\": status needs a number but got \"soon\"");
		assertThatIllegalArgumentException().isThrownBy(() -> FaultJson.parse("error,503"))
			.withMessage("fault \"error,503\": expected field=value but got \"503\"");
	}

	@Test
	void listingShowsCountsAndLeavesUnlimitedNull() {
		FaultJson.Listing listing = FaultJson
			.listing(List.of(new ActiveFault(1, Fault.error(500).withTimes(2), 3, 2, 0),
					new ActiveFault(2, Fault.hang(), 0, 0, Fault.UNLIMITED)));
		JsonNode json = FaultJson.MAPPER.valueToTree(listing);
		JsonNode first = json.path("faults").get(0);
		assertThat(first.path("kind").asString()).isEqualTo("error");
		assertThat(first.path("status").asInt()).isEqualTo(500);
		assertThat(first.path("times").asInt()).isEqualTo(2);
		assertThat(first.path("fired").asInt()).isEqualTo(2);
		assertThat(first.path("remaining").asInt()).isZero();
		JsonNode second = json.path("faults").get(1);
		assertThat(second.path("times").isNull()).isTrue();
		assertThat(second.path("remaining").isNull()).isTrue();
		assertThat(second.path("model").isNull()).isTrue();
	}

}
