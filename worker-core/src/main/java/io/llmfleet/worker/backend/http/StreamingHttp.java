package io.llmfleet.worker.backend.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
		Exchange exchange = new Exchange(limits);
		BodyHandler<T> handler = (info) -> {
			if (info.statusCode() / 100 != 2) {
				return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), (body) -> {
					throw BackendHttpException.httpStatus(info.statusCode(), this.errorText.apply(body));
				});
			}
			return BodySubscribers.fromLineSubscriber(new LineSubscriber(reader, exchange),
					(subscriber) -> reader.result(), StandardCharsets.UTF_8, lineSeparator);
		};
		return send(request.timeout(limits.overall()).build(), handler, exchange).body();
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
		HttpResponse<String> answer = send(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8),
				new Exchange(StreamLimits.overall(timeout)));
		if (answer.statusCode() / 100 != 2) {
			throw BackendHttpException.httpStatus(answer.statusCode(), this.errorText.apply(answer.body()));
		}
		return answer.body();
	}

	// A blocking send on the caller's thread: sendAsync completes its future through
	// CompletableFuture's async pool, which on a 2-core machine starts a thread per
	// call (measured: 0.5 ms against 1 to 3.5 ms a call to an instant backend). The
	// watchdog interrupts the caller when a limit runs out; send() then aborts the
	// exchange, which closes its connection.
	private <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler, Exchange exchange) {
		HttpResponse<T> response = null;
		Exception failure = null;
		exchange.watch(Thread.currentThread());
		try {
			response = this.http.send(request, handler);
		}
		catch (InterruptedException | IOException | RuntimeException ex) {
			failure = ex;
		}
		BackendHttpException timedOut = exchange.finish();
		if (failure == null) {
			return response;
		}
		if (timedOut != null) {
			throw timedOut;
		}
		if (failure instanceof HttpTimeoutException && !(failure instanceof HttpConnectTimeoutException)) {
			// the request's own timeout, the overall limit, ran out before the headers
			throw exchange.overallTimedOut();
		}
		if (failure instanceof InterruptedException) {
			Thread.currentThread().interrupt();
			throw BackendHttpException.transport(failure);
		}
		throw failure(failure);
	}

	private static BackendHttpException failure(Throwable thrown) {
		Throwable cause = thrown;
		// send() wraps what failed the exchange: a plain IOException around anything but
		// the JDK's own kinds (ConnectException, HttpTimeoutException, ...), which it
		// copies
		while ((cause instanceof CompletionException || cause.getClass() == IOException.class)
				&& cause.getCause() != null) {
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

		private final Exchange exchange;

		LineSubscriber(LineReader<?> reader, Exchange exchange) {
			this.reader = reader;
			this.exchange = exchange;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(String line) {
			this.exchange.lineArrived();
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

	/**
	 * One exchange's limits, kept by a watchdog: when the first line is late, the body
	 * falls silent or the whole runs too long, it interrupts the thread blocked in
	 * {@code send}, once, and {@link #finish} turns that interrupt into the timeout it
	 * stands for. A line moves the silence deadline on, so the watchdog looks again at
	 * each deadline rather than cancel at the first.
	 */
	private static final class Exchange implements Runnable {

		private static final long NONE = Long.MIN_VALUE;

		private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

		private final StreamLimits limits;

		private final long startNanos = System.nanoTime();

		private volatile long lastLineNanos = NONE;

		// guarded by this
		private Thread caller;

		private ScheduledFuture<?> check;

		private BackendHttpException timedOut;

		private boolean finished;

		Exchange(StreamLimits limits) {
			this.limits = limits;
		}

		BackendHttpException overallTimedOut() {
			return BackendHttpException.timedOut(this.limits.overall());
		}

		void lineArrived() {
			this.lastLineNanos = System.nanoTime();
		}

		synchronized void watch(Thread thread) {
			this.caller = thread;
			schedule(Math.min(this.limits.betweenLines().toNanos(),
					Math.min(this.limits.overall().toNanos(), this.limits.firstLine().toNanos())));
		}

		@Override
		public synchronized void run() {
			if (this.finished) {
				return;
			}
			long overallEnd = this.startNanos + this.limits.overall().toNanos();
			long lastLine = this.lastLineNanos;
			boolean anyLine = lastLine != NONE;
			long silenceEnd = anyLine ? lastLine + this.limits.betweenLines().toNanos()
					: this.startNanos + this.limits.firstLine().toNanos();
			long end = Math.min(overallEnd, silenceEnd);
			long left = end - System.nanoTime();
			if (left > 0) {
				// a first line coming meanwhile starts the between-lines limit, which may
				// end before this deadline
				schedule(Math.min(left, this.limits.betweenLines().toNanos()));
				return;
			}
			this.timedOut = (end == overallEnd) ? overallTimedOut()
					: BackendHttpException.timedOut(anyLine
							? "no further chunk within " + this.limits.betweenLines().toMillis() + " ms of the last one"
							: "no first chunk within " + this.limits.firstLine().toMillis() + " ms");
			this.finished = true;
			this.caller.interrupt();
		}

		/**
		 * Ends the watch; called by the sending thread once {@code send} has returned or
		 * thrown.
		 * @return the timeout the watchdog interrupted the exchange for, its interrupt
		 * cleared; null when it did not
		 */
		synchronized BackendHttpException finish() {
			if (this.timedOut != null) {
				Thread.interrupted();
				return this.timedOut;
			}
			this.finished = true;
			if (this.check != null) {
				this.check.cancel(false);
			}
			return null;
		}

		private void schedule(long delayNanos) {
			this.check = WATCHDOG.schedule(this, delayNanos, TimeUnit.NANOSECONDS);
		}

		private static ScheduledThreadPoolExecutor watchdog() {
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "backend-http-watchdog");
				thread.setDaemon(true);
				return thread;
			});
			executor.setRemoveOnCancelPolicy(true);
			return executor;
		}

	}

}
