package io.llmfleet.cli.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ProcessMemoryTests {

	private static final String STATUS = """
			Name:	java
			Umask:	0022
			State:	S (sleeping)
			VmPeak:	 9123456 kB
			VmSize:	 9000000 kB
			VmHWM:	  634880 kB
			VmRSS:	  512000 kB
			RssAnon:	  400000 kB
			Threads:	120
			""";

	@Test
	void readsResidentAndPeakResidentSizes() {
		ProcessMemory memory = ProcessMemory.parse(STATUS);
		assertThat(memory.rssBytes()).isEqualTo(512000L * 1024);
		assertThat(memory.peakRssBytes()).isEqualTo(634880L * 1024);
		assertThat(memory.rssMib()).isEqualTo(500.0);
		assertThat(memory.peakRssMib()).isEqualTo(620.0);
	}

	@Test
	void statusWithoutResidentSizeIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> ProcessMemory.parse("Name:\tjava\nVmHWM:\t 1 kB\n"))
			.withMessageContaining("VmRSS");
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void readsThisJvm() {
		ProcessMemory memory = ProcessMemory.self().orElseThrow();
		assertThat(memory.rssBytes()).isPositive();
		assertThat(memory.peakRssBytes()).isGreaterThanOrEqualTo(memory.rssBytes());
	}

	@Test
	void goneProcessHasNoMemory() {
		assertThat(ProcessMemory.of(Long.MAX_VALUE)).isEmpty();
	}

}
