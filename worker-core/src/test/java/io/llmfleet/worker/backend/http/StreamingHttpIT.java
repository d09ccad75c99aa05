package io.llmfleet.worker.backend.http;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link StreamingHttp} against a scripted JDK HTTP server, so lines, error statuses,
 * timeouts and cut connections travel over real HTTP.
 */
class StreamingHttpIT {

	private static final AtomicReference<HttpHandler> script = new AtomicReference<>();

	private static HttpServer server;

	@BeforeAll
	static void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", (exchange) -> script.get().handle(exchange));
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@Test
	void linesOfA2xxAnswerGoToTheReaderAndAddUpToItsResult() {
		script.set((exchange) -> reply(exchange, 200, "one\ntwo\n\nthree\n"));

		List<String> lines = stream("\n", Duration.ofSeconds(5));

		assertThat(lines).containsExactly("one", "two", "", "three");
	}

	@Test
	void nullSeparatorSplitsOnEveryLineEnd() {
		script.set((exchange) -> reply(exchange, 200, "one\r\ntwo\rthree\n"));

		assertThat(stream(null, Duration.ofSeconds(5))).containsExactly("one", "two", "three");
	}

	@Test
	void errorStatusEndsInTheBackendsErrorText() {
		script.set((exchange) -> reply(exchange, 503, "busy"));

		assertThatExceptionOfType(BackendHttpException.class).isThrownBy(() -> stream("\n", Duration.ofSeconds(5)))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(503);
				assertThat(ex.error()).isEqualTo("read: busy");
				assertThat(ex).hasMessage("HTTP 503: read: busy");
			});
	}

	@Test
	void readerFailureEndsTheCallAsItself() {
		script.set((exchange) -> reply(exchange, 200, "half\n"));
		StreamingHttp http = new StreamingHttp(baseUrl(), Duration.ofSeconds(1), (body) -> body);

		assertThatExceptionOfType(BackendHttpException.class)
			.isThrownBy(() -> http.stream(post(http), Duration.ofSeconds(5), new StreamingHttp.LineReader<String>() {

				@Override
				public void onLine(String line) {
				}

				@Override
				public String result() {
					throw BackendHttpException.inStream("stream ended early");
				}

			}, "\n"))
			.withMessage("error in the middle of the stream: stream ended early");
	}

	@Test
	void slowAnswerIsCutAtTheTimeoutEvenAfterTheHeaders() {
		CountDownLatch rest = new CountDownLatch(1);
		script.set(silentAfter("first\n", rest));
		long start = System.nanoTime();
		try {
			assertThatExceptionOfType(BackendHttpException.class).isThrownBy(() -> stream("\n", Duration.ofMillis(300)))
				.satisfies((ex) -> {
					assertThat(ex).hasMessage("no complete answer within 300 ms")
						.hasCauseInstanceOf(HttpTimeoutException.class);
					assertThat(ex.status()).isZero();
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			rest.countDown();
		}
	}

	@Test
	void anAnswerWhoseFirstLineIsLateIsCutAtTheFirstLineLimit() {
		CountDownLatch rest = new CountDownLatch(1);
		script.set(silentAfter("", rest));
		try {
			assertThatExceptionOfType(BackendHttpException.class)
				.isThrownBy(() -> stream("\n",
						new StreamLimits(Duration.ofSeconds(30), Duration.ofMillis(300), Duration.ofSeconds(30))))
				.satisfies((ex) -> assertThat(ex).hasMessage("no first chunk within 300 ms")
					.hasCauseInstanceOf(HttpTimeoutException.class));
		}
		finally {
			rest.countDown();
		}
	}

	@Test
	void anAnswerThatFallsSilentAfterItsFirstLinesIsCutAtTheBetweenLinesLimit() {
		CountDownLatch rest = new CountDownLatch(1);
		script.set(silentAfter("first\nsecond\n", rest));
		try {
			assertThatExceptionOfType(BackendHttpException.class)
				.isThrownBy(() -> stream("\n",
						new StreamLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofMillis(300))))
				.satisfies((ex) -> assertThat(ex).hasMessage("no further chunk within 300 ms of the last one")
					.hasCauseInstanceOf(HttpTimeoutException.class));
		}
		finally {
			rest.countDown();
		}
	}

	@Test
	void aCallCutAtALimitLeavesItsThreadUninterrupted() {
		CountDownLatch rest = new CountDownLatch(1);
		script.set(silentAfter("", rest));
		try {
			assertThatExceptionOfType(BackendHttpException.class).isThrownBy(() -> stream("\n",
					new StreamLimits(Duration.ofSeconds(30), Duration.ofMillis(200), Duration.ofSeconds(30))));
			assertThat(Thread.currentThread().isInterrupted()).isFalse();
		}
		finally {
			rest.countDown();
		}
		// the watchdog's interrupt was taken back: nothing cuts the next call short
		script.set((exchange) -> reply(exchange, 200, "next\n"));
		assertThat(stream("\n", Duration.ofSeconds(5))).containsExactly("next");
	}

	@Test
	void aCallerInterruptedFromOutsideGivesTheCallUpAndKeepsItsInterrupt() throws InterruptedException {
		CountDownLatch rest = new CountDownLatch(1);
		script.set(silentAfter("", rest));
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		AtomicReference<Boolean> interrupted = new AtomicReference<>();
		Thread caller = new Thread(() -> {
			try {
				stream("\n", Duration.ofSeconds(30));
			}
			catch (BackendHttpException ex) {
				thrown.set(ex);
			}
			interrupted.set(Thread.currentThread().isInterrupted());
		});
		try {
			long start = System.nanoTime();
			caller.start();
			Thread.sleep(300);
			caller.interrupt();
			caller.join(5_000);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			assertThat(thrown.get()).isInstanceOf(BackendHttpException.class)
				.hasCauseInstanceOf(InterruptedException.class);
			assertThat(interrupted.get()).isTrue();
		}
		finally {
			rest.countDown();
		}
	}

	@Test
	void linesComingFasterThanTheBetweenLinesLimitMayTakeLongerThanItAsAWhole() {
		script.set((exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, 0);
			OutputStream body = exchange.getResponseBody();
			for (int i = 0; i < 6; i++) {
				body.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
				body.flush();
				sleepQuietly(Duration.ofMillis(100));
			}
			exchange.close();
		});

		assertThat(
				stream("\n", new StreamLimits(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(5))))
			.hasSize(6);
	}

	@Test
	void connectionCutInTheMiddleIsATransportFailure() {
		script.set((exchange) -> {
			exchange.getRequestBody().readAllBytes();
			byte[] piece = "half\n".getBytes(StandardCharsets.UTF_8);
			// promise more bytes than are sent, so closing cuts the connection
			exchange.sendResponseHeaders(200, piece.length + 1000);
			exchange.getResponseBody().write(piece);
			exchange.getResponseBody().flush();
			exchange.close();
		});

		assertThatExceptionOfType(BackendHttpException.class).isThrownBy(() -> stream("\n", Duration.ofSeconds(5)))
			.satisfies((ex) -> {
				assertThat(ex.status()).isZero();
				assertThat(ex.getCause()).isInstanceOf(IOException.class);
			});
	}

	@Test
	void nothingListeningIsARefusedConnection() throws IOException {
		StreamingHttp http = new StreamingHttp(deadUrl(), Duration.ofSeconds(1), (body) -> body);

		assertThatExceptionOfType(BackendHttpException.class)
			.isThrownBy(() -> http.probe(HttpRequest.newBuilder(http.baseUrl())))
			.satisfies((ex) -> {
				assertThat(ex.status()).isZero();
				assertThat(ex.getCause()).isInstanceOf(ConnectException.class);
				assertThat(ex.getMessage()).contains("ConnectException");
			});
	}

	@Test
	void probePassesOn2xxAndFailsOtherwiseWithTheErrorText() {
		AtomicReference<String> method = new AtomicReference<>();
		StreamingHttp http = new StreamingHttp(baseUrl(), Duration.ofSeconds(1), (body) -> "read: " + body);
		script.set((exchange) -> {
			method.set(exchange.getRequestMethod());
			reply(exchange, 200, "Ollama is running");
		});

		http.probe(HttpRequest.newBuilder(http.resolve("health")));

		assertThat(method.get()).isEqualTo("GET");
		script.set((exchange) -> reply(exchange, 404, "Not Found"));
		assertThatExceptionOfType(BackendHttpException.class)
			.isThrownBy(() -> http.probe(HttpRequest.newBuilder(http.resolve("health"))))
			.withMessage("HTTP 404: read: Not Found");
	}

	@Test
	void fetchReturnsTheBodyOfA2xxGetAndFailsOtherwiseWithTheErrorText() {
		StreamingHttp http = new StreamingHttp(baseUrl(), Duration.ofSeconds(1), (body) -> "read: " + body);
		AtomicReference<String> method = new AtomicReference<>();
		script.set((exchange) -> {
			method.set(exchange.getRequestMethod());
			reply(exchange, 200, "vllm:num_requests_running 2.0\n");
		});

		assertThat(http.fetch(HttpRequest.newBuilder(http.resolve("metrics")), Duration.ofSeconds(5)))
			.isEqualTo("vllm:num_requests_running 2.0\n");
		assertThat(method).hasValue("GET");

		script.set((exchange) -> reply(exchange, 404, "{\"detail\":\"Not Found\"}"));

		assertThatExceptionOfType(BackendHttpException.class)
			.isThrownBy(() -> http.fetch(HttpRequest.newBuilder(http.resolve("metrics")), Duration.ofSeconds(5)))
			.satisfies((ex) -> {
				assertThat(ex.status()).isEqualTo(404);
				assertThat(ex.error()).isEqualTo("read: {\"detail\":\"Not Found\"}");
			});
	}

	@Test
	void fetchOfASlowPageIsCutAtItsTimeout() {
		CountDownLatch release = new CountDownLatch(1);
		script.set((exchange) -> {
			awaitQuietly(release);
			reply(exchange, 200, "late");
		});
		StreamingHttp http = new StreamingHttp(baseUrl(), Duration.ofSeconds(1), (body) -> body);
		try {
			long start = System.nanoTime();
			assertThatExceptionOfType(BackendHttpException.class)
				.isThrownBy(() -> http.fetch(HttpRequest.newBuilder(http.resolve("api/ps")), Duration.ofMillis(200)))
				.withMessageContaining("200 ms");
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			release.countDown();
		}
	}

	@Test
	void pathsResolveBelowTheBaseUrlWithOrWithoutItsSlash() {
		Duration connect = Duration.ofSeconds(1);

		assertThat(new StreamingHttp(URI.create("http://gpu-3:8000"), connect, (body) -> body).resolve("health"))
			.isEqualTo(URI.create("http://gpu-3:8000/health"));
		assertThat(new StreamingHttp(URI.create("http://gpu-3:8000/"), connect, (body) -> body).resolve("health"))
			.isEqualTo(URI.create("http://gpu-3:8000/health"));
	}

	private static List<String> stream(String lineSeparator, StreamLimits limits) {
		StreamingHttp http = new StreamingHttp(baseUrl(), Duration.ofSeconds(1), (body) -> "read: " + body);
		return http.stream(post(http), limits, new Collector(), lineSeparator);
	}

	private static void sleepQuietly(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<String> stream(String lineSeparator, Duration timeout) {
		StreamingHttp http = new StreamingHttp(baseUrl(), Duration.ofSeconds(1), (body) -> "read: " + body);
		return http.stream(post(http), timeout, new Collector(), lineSeparator);
	}

	private static HttpRequest.Builder post(StreamingHttp http) {
		return HttpRequest.newBuilder(http.resolve("chat")).POST(HttpRequest.BodyPublishers.ofString("{}"));
	}

	private static URI baseUrl() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
	}

	private static URI deadUrl() throws IOException {
		// a port that was free a moment ago: nothing listens there
		try (ServerSocket socket = new ServerSocket(0)) {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
	}

	private static void reply(HttpExchange exchange, int status, String body) throws IOException {
		exchange.getRequestBody().readAllBytes();
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	// answers 200 with these lines, then sends nothing more until rest is counted down
	private static HttpHandler silentAfter(String lines, CountDownLatch rest) {
		return (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(200, 0);
			OutputStream body = exchange.getResponseBody();
			body.write(lines.getBytes(StandardCharsets.UTF_8));
			body.flush();
			awaitQuietly(rest);
			exchange.close();
		};
	}

	private static void awaitQuietly(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class Collector implements StreamingHttp.LineReader<List<String>> {

		private final List<String> lines = new ArrayList<>();

		@Override
		public void onLine(String line) {
			this.lines.add(line);
		}

		@Override
		public List<String> result() {
			return this.lines;
		}

	}

}
