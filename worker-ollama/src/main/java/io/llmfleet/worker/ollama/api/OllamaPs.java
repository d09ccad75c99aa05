package io.llmfleet.worker.ollama.api;

import java.util.List;

/**
 * The JSON of Ollama's {@code GET /api/ps}: the models it has loaded now, as records
 * named as in Ollama's {@code docs/api.md}. A model partly offloaded to the CPU holds
 * less VRAM ({@code size_vram}) than its whole {@code size}.
 */
public final class OllamaPs {

	private OllamaPs() {
	}

	/**
	 * The reply.
	 *
	 * @param models the loaded models; null or empty when none
	 */
	public record Running(List<Model> models) {

		public Running {
			models = (models != null) ? List.copyOf(models) : List.of();
		}

	}

	/**
	 * One loaded model.
	 *
	 * @param name the model's name ({@code llama3.2:3b})
	 * @param model the model's name again, as newer Ollama versions write it
	 * @param size bytes it takes in memory, VRAM and RAM together
	 * @param sizeVram bytes of it in VRAM
	 * @param expiresAt when its keep-alive runs out (RFC 3339)
	 * @param contextLength the context window it was loaded with ({@code num_ctx}); null
	 * from Ollama versions that do not say
	 */
	public record Model(String name, String model, long size, long sizeVram, String expiresAt, Integer contextLength) {
	}

}
