package io.llmfleet.worker.vllm;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import jakarta.validation.constraints.NotNull;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the worker's vLLM server listens and how the worker talks to it, bound from
 * {@code fleet.vllm.*}. The defaults match a local {@code vllm serve}. A bad value stops
 * start-up with a message that quotes it.
 *
 * @param baseUrl the server root, {@code http://} or {@code https://} with a host and
 * without {@code /v1}
 * @param connectTimeout how long opening a connection may take before the call fails as
 * TRANSIENT
 * @param apiKey the key vLLM was started with ({@code --api-key}), sent as a bearer
 * token; absent for none
 * @param generationTimeout the longest silence between two streamed events once the
 * answer has started; then TIMEOUT. The first event may take the whole call's timeout:
 * vLLM queues requests beyond its batch ({@code --max-num-seqs})
 */
@Validated
@ConfigurationProperties("fleet.vllm")
public record VllmProperties(@DefaultValue("http://127.0.0.1:8000") URI baseUrl,
		@DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration connectTimeout, String apiKey,
		@DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration generationTimeout) {

	@ConstructorBinding
	public VllmProperties {
		// checked here rather than by a constraint: a URI with no host cannot even build
		// a client
		String scheme = (baseUrl != null && baseUrl.getScheme() != null) ? baseUrl.getScheme().toLowerCase(Locale.ROOT)
				: "";
		if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
			throw new IllegalArgumentException("fleet.vllm.base-url must be an http:// or https:// URL with a host, "
					+ "such as http://127.0.0.1:8000, but was '" + baseUrl + "'");
		}
		// OpenAI clients take the URL with /v1; this worker also calls /health at the
		// root
		if (baseUrl.getPath() != null && baseUrl.getPath().replaceAll("/+$", "").endsWith("/v1")) {
			throw new IllegalArgumentException("fleet.vllm.base-url must be the server root without /v1, "
					+ "such as http://127.0.0.1:8000, but was '" + baseUrl + "'");
		}
		if (apiKey != null && apiKey.isBlank()) {
			apiKey = null;
		}
	}

	/**
	 * Settings with the default generation timeout.
	 * @param baseUrl the server root
	 * @param connectTimeout how long opening a connection may take
	 * @param apiKey the key vLLM was started with, null for none
	 */
	public VllmProperties(URI baseUrl, Duration connectTimeout, String apiKey) {
		this(baseUrl, connectTimeout, apiKey, Duration.ofSeconds(60));
	}

	@Override
	public String toString() {
		// never print the key: properties end up in logs and failure reports
		return "VllmProperties[baseUrl=" + this.baseUrl + ", connectTimeout=" + this.connectTimeout + ", apiKey="
				+ ((this.apiKey != null) ? "(set)" : "(none)") + ", generationTimeout=" + this.generationTimeout + "]";
	}

}
