package io.llmfleet.worker.ollama;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.hibernate.validator.constraints.time.DurationMin;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the worker's Ollama server listens and how the worker talks to it, bound from
 * {@code fleet.ollama.*}. The defaults match a local {@code ollama serve}. A bad value
 * stops start-up with a message that quotes it.
 *
 * @param baseUrl the server's root URL, {@code http://} or {@code https://} with a host
 * @param connectTimeout how long opening a connection may take before the call fails as
 * TRANSIENT
 * @param keepAlive Ollama's {@code keep_alive} for every request: how long a model stays
 * loaded after it, a Go duration ({@code 5m}, {@code 1h30m}) or seconds, negative for
 * ever
 * @param loadTimeout how long a call may wait for its first chunk, which comes once
 * Ollama has loaded the model and read the prompt; also the limit of a warm-up; then
 * TIMEOUT
 * @param generationTimeout the longest silence between two chunks once generation has
 * started; then TIMEOUT
 * @param maxNumCtx the largest {@code num_ctx} sent: a catalogue model's
 * {@code context-length} above it is cut to it (the KV cache Ollama allocates grows with
 * {@code num_ctx}); absent for no limit
 */
@Validated
@ConfigurationProperties("fleet.ollama")
public record OllamaProperties(@DefaultValue("http://127.0.0.1:11434") URI baseUrl,
		@DefaultValue("2s") @NotNull @DurationMin(millis = 1) Duration connectTimeout,
		@DefaultValue("5m") @NotNull @Pattern(regexp = KEEP_ALIVE,
				message = "must be seconds or a Go duration such as 5m or 1h30m") String keepAlive,
		@DefaultValue("2m") @NotNull @DurationMin(millis = 1) Duration loadTimeout,
		@DefaultValue("60s") @NotNull @DurationMin(millis = 1) Duration generationTimeout,
		@Min(256) Integer maxNumCtx) {

	static final String KEEP_ALIVE = "-?\\d+(\\.\\d+)?|-?(\\d+(\\.\\d+)?(ns|us|ms|s|m|h))+";

	@ConstructorBinding
	public OllamaProperties {
		// checked here rather than by a constraint: a URI with no host cannot even build
		// a client
		String scheme = (baseUrl != null && baseUrl.getScheme() != null) ? baseUrl.getScheme().toLowerCase(Locale.ROOT)
				: "";
		if (!(scheme.equals("http") || scheme.equals("https")) || baseUrl.getHost() == null) {
			throw new IllegalArgumentException("fleet.ollama.base-url must be an http:// or https:// URL with a host, "
					+ "such as http://127.0.0.1:11434, but was '" + baseUrl + "'");
		}
	}

	/**
	 * Settings with the default timeouts and no {@code num_ctx} limit.
	 * @param baseUrl the server's root URL
	 * @param connectTimeout how long opening a connection may take
	 * @param keepAlive Ollama's {@code keep_alive}
	 */
	public OllamaProperties(URI baseUrl, Duration connectTimeout, String keepAlive) {
		this(baseUrl, connectTimeout, keepAlive, Duration.ofMinutes(2), Duration.ofSeconds(60), null);
	}

	/**
	 * The keep-alive as Ollama's JSON takes it: a number for bare seconds, else the
	 * duration string.
	 * @return a {@link Long}, a {@link Double} or the string itself
	 */
	Object keepAliveValue() {
		if (this.keepAlive.matches("-?\\d+")) {
			return Long.parseLong(this.keepAlive);
		}
		if (this.keepAlive.matches("-?\\d+\\.\\d+")) {
			return Double.parseDouble(this.keepAlive);
		}
		return this.keepAlive;
	}

	/**
	 * The {@code num_ctx} a model runs with: its catalogue context length, cut to
	 * {@link #maxNumCtx} where that is set.
	 * @param contextLength the catalogue's context length, null when unknown
	 * @return the value, null to leave Ollama's default
	 */
	Integer numCtx(Integer contextLength) {
		if (contextLength == null) {
			return null;
		}
		return (this.maxNumCtx != null) ? Math.min(contextLength, this.maxNumCtx) : contextLength;
	}

}
