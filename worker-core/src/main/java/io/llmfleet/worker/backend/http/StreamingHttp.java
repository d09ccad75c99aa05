package io.llmfleet.worker.backend.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;

/**
 * One backend's {@link HttpClient} and the exchanges a worker makes with it: a streamed
 * call whose response lines go to a {@link LineReader}, a start-up probe, and a small
 * {@code GET} for status pages. The streamed call is bounded as a whole by its timeout,
 * not only until the response headers, because a backend sends its headers long before a
 * slow first token. A non-2xx answer, a timeout or a transport failure ends in a
 * {@link BackendHttpException}. Thread-safe.
 */
public final class StreamingHttp {

	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

	private final URI baseUrl;

	private final HttpClient http;

	private final UnaryOperator<String> errorText;

	/**
	 * Creates a client; opens no connection yet.
	 * @param baseUrl where the backend listens
	 * @param connectTimeout how long opening a connection may take
	 * @param errorText reads the backend's error text out of the body of a non-2xx answer
	 */
	public StreamingHttp(URI baseUrl, Duration connectTimeout, UnaryOperator<String> errorText) {
		this.baseUrl = baseUrl;
		this.errorText = errorText;
		// HTTP/1.1: Ollama and vLLM's uvicorn serve cleartext HTTP/1.1, so an h2c upgrade
		// attempt only costs
		this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
	}

	/**
	 * Where this client sends requests.
	 * @return the base URL
	 */
	public URI baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The URL of a path below the base URL, whether or not the base URL ends in a slash.
	 * @param path the path, without a leading slash
	 * @return the URL
	 */
	public URI resolve(String path) {
		String base = this.baseUrl.toString();
		return URI.create(base.endsWith("/") ? base + path : base + "/" + path);
	}

	/**
	 * Sends a request and feeds the lines of a 2xx response to a reader, bounded as a
	 * whole by one timeout.
	 * @param <T> what the lines add up to
	 * @param request the request with its method, body and headers; the timeout is set
	 * here
	 * @param timeout how long the whole exchange may take, first byte to last
	 * @param reader adds up the lines; one per call
	 * @param lineSeparator what ends a line; null for any of {@code \n}, {@code \r\n} and
	 * {@code \r}
	 * @return what the reader made of the lines
	 * @throws BackendHttpException when no complete answer came
	 */
	public <T> T stream(HttpRequest.Builder request, Duration timeout, LineReader<T> reader, String lineSeparator) {
		return stream(request, StreamLimits.overall(timeout), reader, lineSeparator);
	}

	/**
	 * Sends a request and feeds the lines of a 2xx response to a reader, within limits on
	 * the whole exchange, on the wait for its first line and on the silence between two
	 * lines. An exchange that runs out of any of them is aborted, which closes its
	 * connection.
	 * @param <T> what the lines add up to
	 * @param request the request with its method, body and headers; the timeout is set
	 * here
	 * @param limits how long the exchange may take
	 * @param reader adds up the lines; one per call
	 * @param lineSeparator what ends a line; null for any of {@code \n}, {@code \r\n} and
	 * {@code \r}
	 * @return what the reader made of the lines
	 * @throws BackendHttpException when no complete answer came; a timeout says which
	 * limit ran out
	 */
	public <T> T stream(HttpRequest.Builder request, StreamLimits limits, LineReader<T> reader, String lineSeparator) {
		Activity activity = new Activity(System.nanoTime());
		BodyHandler<T> handler = (info) -> {
			if (info.statusCode() / 100 != 2) {
				return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), (body) -> {
					throw BackendHttpException.httpStatus(info.statusCode(), this.errorText.apply(body));
				});
			}
			return BodySubscribers.fromLineSubscriber(new LineSubscriber(reader, activity),
					(subscriber) -> reader.result(), StandardCharsets.UTF_8, lineSeparator);
		};
		CompletableFuture<HttpResponse<T>> response = this.http.sendAsync(request.timeout(limits.overall()).build(),
				handler);
		return await(response, limits, activity).body();
	}

	/**
	 * Checks that the backend answers a {@code GET} with a 2xx status within a few
	 * seconds.
	 * @param request the request with its URL and headers; method and timeout are set
	 * here
	 * @throws BackendHttpException when it does not
	 */
	public void probe(HttpRequest.Builder request) {
		fetch(request, PROBE_TIMEOUT);
	}

	/**
	 * Sends a {@code GET} to a small endpoint (a status or metrics page) and returns the
	 * body of its 2xx answer.
	 * @param request the request with its URL and headers; method and timeout are set
	 * here
	 * @param timeout how long the whole exchange may take
	 * @return the body
	 * @throws BackendHttpException when no 2xx answer came in time
	 */
	public String fetch(HttpRequest.Builder request, Duration timeout) {
		HttpRequest get = request.timeout(timeout).GET().build();
		HttpResponse<String> answer = await(
				this.http.sendAsync(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)), timeout);
		if (answer.statusCode() / 100 != 2) {
			throw BackendHttpException.httpStatus(answer.statusCode(), this.errorText.apply(answer.body()));
		}
		return answer.body();
	}

	// waits in slices, as each line moves the between-lines deadline on
	private static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> response, StreamLimits limits,
			Activity activity) {
		long overallEnd = activity.startNanos + limits.overall().toNanos();
		while (true) {
			long lastLine = activity.lastLineNanos;
			boolean anyLine = lastLine != Activity.NONE;
			long silenceEnd = anyLine ? lastLine + limits.betweenLines().toNanos()
					: activity.startNanos + limits.firstLine().toNanos();
			long end = Math.min(overallEnd, silenceEnd);
			long left = end - System.nanoTime();
			if (left <= 0) {
				response.cancel(true);
				if (end == overallEnd) {
					throw BackendHttpException.timedOut(limits.overall());
				}
				throw BackendHttpException.timedOut(
						anyLine ? "no further chunk within " + limits.betweenLines().toMillis() + " ms of the last one"
								: "no first chunk within " + limits.firstLine().toMillis() + " ms");
			}
			try {
				// never longer than the between-lines limit: a first line that comes
				// meanwhile starts that limit, which may end before the wait would
				return response.get(Math.min(left, limits.betweenLines().toNanos()), TimeUnit.NANOSECONDS);
			}
			catch (TimeoutException ex) {
				// a deadline passed, or a line came meanwhile and moved it: look again
			}
			catch (InterruptedException ex) {
				response.cancel(true);
				Thread.currentThread().interrupt();
				throw BackendHttpException.transport(ex);
			}
			catch (ExecutionException ex) {
				throw failure(ex.getCause());
			}
		}
	}

	private static <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> response, Duration timeout) {
		try {
			return response.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			// cancelling the future aborts the exchange and closes its connection
			response.cancel(true);
			throw BackendHttpException.timedOut(timeout);
		}
		catch (InterruptedException ex) {
			response.cancel(true);
			Thread.currentThread().interrupt();
			throw BackendHttpException.transport(ex);
		}
		catch (ExecutionException ex) {
			throw failure(ex.getCause());
		}
	}

	private static BackendHttpException failure(Throwable thrown) {
		Throwable cause = thrown;
		while (cause instanceof CompletionException && cause.getCause() != null) {
			cause = cause.getCause();
		}
		if (cause instanceof BackendHttpException known) {
			return known;
		}
		return BackendHttpException.transport(cause);
	}

	/**
	 * Adds up the lines of one streamed response as they arrive. One instance per call;
	 * the HTTP client calls it from one thread at a time, and completing the response
	 * publishes its state to the caller.
	 *
	 * @param <T> what the lines add up to
	 */
	public interface LineReader<T> {

		/**
		 * Takes the next line.
		 * @param line the line, without its separator
		 */
		void onLine(String line);

		/**
		 * What the lines added up to, once the stream has ended.
		 * @return the result
		 * @throws BackendHttpException when the lines held an error or ended too early
		 */
		T result();

	}

	// the Flow plumbing the JDK's line subscriber needs, written once for every reader
	private static final class LineSubscriber implements Flow.Subscriber<String> {

		private final LineReader<?> reader;

		private final Activity activity;

		LineSubscriber(LineReader<?> reader, Activity activity) {
			this.reader = reader;
			this.activity = activity;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			this.activity.lastLineNanos = System.nanoTime();
			this.reader.onLine(line);
		}

		@Override
		public void onError(Throwable throwable) {
			// the HTTP client fails the response future with the same throwable
		}

		@Override
		public void onComplete() {
		}

	}

	// when the exchange started and when its last line came, written by the HTTP
	// client's thread and read by the caller's
	private static final class Activity {

		static final long NONE = Long.MIN_VALUE;

		final long startNanos;

		volatile long lastLineNanos = NONE;

		Activity(long startNanos) {
			this.startNanos = startNanos;
		}

	}

}
