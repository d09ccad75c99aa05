package io.llmfleet.simulator.vllm;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.llmfleet.simulator.http.HttpError;

/**
 * The model names the simulated vLLM serves and their shared context window
 * ({@code --max-model-len}), with vLLM's own wording for an unknown model and for a
 * request that does not fit the window.
 */
final class ServedModels {

	private final List<String> names;

	private final int maxModelLen;

	private final long created = Instant.now().getEpochSecond();

	ServedModels(List<String> names, int maxModelLen) {
		this.names = List.copyOf(names);
		this.maxModelLen = maxModelLen;
	}

	/**
	 * Finds a served model.
	 * @param name the {@code model} of the request, null for the first served model
	 * @return the served name
	 * @throws HttpError 404 with vLLM's message for a model it does not serve
	 */
	String require(String name) {
		if (name == null && !this.names.isEmpty()) {
			return this.names.get(0);
		}
		if (name == null || !this.names.contains(name)) {
			throw HttpError.notFound("The model `" + name + "` does not exist.");
		}
		return name;
	}

	/**
	 * Checks that prompt and completion fit the context window, as vLLM's serving layer
	 * does before scheduling.
	 * @param promptTokens tokens of the prompt
	 * @param maxTokens the request's {@code max_tokens}, null when absent
	 * @return the completion cap: {@code maxTokens}, or the room left in the window
	 * @throws HttpError 400 with vLLM's message when the request does not fit
	 */
	int checkContext(int promptTokens, Integer maxTokens) {
		if (maxTokens == null) {
			if (promptTokens >= this.maxModelLen) {
				throw HttpError.badRequest("This model's maximum context length is " + this.maxModelLen
						+ " tokens. However, you requested " + promptTokens
						+ " tokens in the messages, Please reduce the length of the messages.");
			}
			return this.maxModelLen - promptTokens;
		}
		if ((long) promptTokens + maxTokens > this.maxModelLen) {
			throw HttpError.badRequest("This model's maximum context length is " + this.maxModelLen
					+ " tokens. However, you requested " + ((long) promptTokens + maxTokens) + " tokens ("
					+ promptTokens + " in the messages, " + maxTokens
					+ " in the completion). Please reduce the length of the messages or completion.");
		}
		return maxTokens;
	}

	// stable across calls, as one server's listing is
	private static String permissionId(String name) {
		return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString().replace("-", "");
	}

	/**
	 * The reply to {@code GET /v1/models}.
	 * @return one entry per served model
	 */
	VllmApi.ModelList list() {
		List<VllmApi.Model> data = new ArrayList<>();
		for (String name : this.names) {
			data.add(new VllmApi.Model(name, "model", this.created, "vllm", name, null, this.maxModelLen,
					List.of(VllmApi.Permission.of("modelperm-" + permissionId(name), this.created))));
		}
		return new VllmApi.ModelList("list", data);
	}

}
