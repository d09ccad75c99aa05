package io.llmfleet.schemas.serde;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;

import io.llmfleet.schemas.Attempt;
import io.llmfleet.schemas.CapacityReport;
import io.llmfleet.schemas.CapacitySource;
import io.llmfleet.schemas.ChatMessage;
import io.llmfleet.schemas.Classification;
import io.llmfleet.schemas.ClassifiedRequest;
import io.llmfleet.schemas.DeadLetter;
import io.llmfleet.schemas.ErrorKind;
import io.llmfleet.schemas.GenerationOptions;
import io.llmfleet.schemas.InferenceRequest;
import io.llmfleet.schemas.InferenceResult;
import io.llmfleet.schemas.LoadedModel;
import io.llmfleet.schemas.PoisonCause;
import io.llmfleet.schemas.ResultError;
import io.llmfleet.schemas.ResultStatus;
import io.llmfleet.schemas.RoutedRequest;
import io.llmfleet.schemas.RoutingOutcome;
import io.llmfleet.schemas.Timings;
import io.llmfleet.schemas.Usage;

/**
 * One fully populated record of every top-level fleet type, with every optional field
 * set, so that a test touches each field's encoding.
 */
final class FleetRecordSamples {

	private static final Instant AT = Instant.ofEpochMilli(1_750_000_000_123L);

	private FleetRecordSamples() {
	}

	static List<SpecificRecord> all() {
		return List.of(request(), classified(), routed(), result(), capacity(), deadLetter(), outcome());
	}

	static InferenceRequest request() {
		return InferenceRequest.newBuilder()
			.setRequestId("req-1")
			.setBatchId("batch-7")
			.setTenant("acme")
			.setReplyTo("acme.results")
			.setMessages(List.of(new ChatMessage("system", "Be brief."),
					new ChatMessage("user", "Write a Python function that reverses a list.")))
			.setModel("qwen2.5-coder-7b")
			.setTierHint("code")
			.setAllowFallback(false)
			.setOptions(new GenerationOptions(256, 0.2f, 0.9f, List.of("```", "END"), 42L))
			.setPriority(3)
			.setCreatedAt(AT)
			.setDeadlineAt(AT.plusSeconds(30))
			.setMetadata(Map.of("source", "fuzz", "trace", "t-1"))
			.build();
	}

	static Classification classification() {
		return Classification.newBuilder()
			.setTier("code")
			.setConfidence(0.87)
			.setTierScores(Map.of("fast", 0.05, "code", 0.87, "heavy", 0.08))
			.setCapabilities(List.of("code", "reasoning"))
			.setLanguage("en")
			.setComplexity(0.4)
			.setEstPromptTokens(37)
			.setClassifier("rules@1")
			.setPinned(true)
			.build();
	}

	static ClassifiedRequest classified() {
		return new ClassifiedRequest(request(), classification(), AT.plusMillis(2));
	}

	static RoutedRequest routed() {
		return RoutedRequest.newBuilder()
			.setRequest(request())
			.setClassification(classification())
			.setModelId("qwen2.5-coder-7b")
			.setTier("code")
			.setAttempt(2)
			.setHistory(List.of(new Attempt("qwen2.5-coder-14b", "code", "gpu-0", ErrorKind.CAPACITY, "no slot")))
			.setDecision("qwen2.5-coder-7b: lowest expected completion time")
			.setClassifiedAt(AT.plusMillis(2))
			.setRoutedAt(AT.plusMillis(3))
			.build();
	}

	static InferenceResult result() {
		return InferenceResult.newBuilder()
			.setRequestId("req-1")
			.setBatchId("batch-7")
			.setStatus(ResultStatus.FAILED)
			.setOutput("def reverse(xs): return xs[::-1]")
			.setModelId("qwen2.5-coder-7b")
			.setTier("code")
			.setConfidence(0.87)
			.setWorkerId("gpu-1")
			.setError(new ResultError(ErrorKind.TIMEOUT, "backend took longer than 30 s"))
			.setUsage(new Usage(37, 12))
			.setTimings(new Timings(1L, 2L, 3L, 400L, 50L, 410L))
			.setAttempts(2)
			.setCompletedAt(AT.plusMillis(410))
			.build();
	}

	static CapacityReport capacity() {
		return CapacityReport.newBuilder()
			.setWorkerId("gpu-1")
			.setHost("host-a")
			.setGpuIndex(1)
			.setGpuUuid("GPU-1234")
			.setGpuName("NVIDIA H100")
			.setVramTotalBytes(80L << 30)
			.setVramUsedBytes(20L << 30)
			.setVramFreeBytes(60L << 30)
			.setSource(CapacitySource.NVML)
			.setModelsServed(List.of("llama3.2-3b", "qwen2.5-coder-7b"))
			.setModelsLoaded(List.of(new LoadedModel("llama3.2-3b", 3L << 30, false),
					new LoadedModel("qwen2.5-coder-7b", 6L << 30, true)))
			.setInFlight(2)
			.setMaxConcurrency(4)
			.setReportedAt(AT)
			.setHeartbeatMs(2000)
			.build();
	}

	static DeadLetter deadLetter() {
		return DeadLetter.newBuilder()
			.setRouted(routed())
			.setErrorKind(ErrorKind.POISON)
			.setReason("Record on fleet.requests-0@1 is not in the wire format")
			.setWorkerId("gpu-1")
			.setSourceTopic("fleet.requests")
			.setSourcePartition(0)
			.setSourceOffset(1L)
			.setFailedAt(AT)
			.setPoisonCause(PoisonCause.NOT_WIRE_FORMAT)
			.setSourceKey("req-1")
			.setRawKey(ByteBuffer.wrap(new byte[] { 'r', 'e', 'q' }))
			.setRawValue(ByteBuffer.wrap(new byte[] { 1, 2, 3, 4, 5, 6 }))
			.setRawValueSize(6)
			.build();
	}

	static RoutingOutcome outcome() {
		return RoutingOutcome.newBuilder()
			.setRequestId("req-1")
			.setBatchId("batch-7")
			.setTier("code")
			.setConfidence(0.87)
			.setModelId("qwen2.5-coder-7b")
			.setWorkerId("gpu-1")
			.setStatus(ResultStatus.OK)
			.setErrorKind(ErrorKind.TRANSIENT)
			.setAttempt(2)
			.setQueueMs(1L)
			.setBackendMs(400L)
			.setTotalMs(410L)
			.setPromptTokens(37)
			.setCompletionTokens(12)
			.setFinishedAt(AT.plusMillis(410))
			.build();
	}

}
