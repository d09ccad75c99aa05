package io.llmfleet.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, reading until the server closes the connection, so tests
 * see exactly which bytes a server sent before it dropped the connection. (The JDK client
 * discards data it has not handed out yet once the connection fails.)
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * Posts JSON with {@code Connection: close} and reads the whole reply.
	 * @param baseUrl the server
	 * @param path the path
	 * @param json the body
	 * @return the reply as far as it came
	 */
	public static Reply post(URI baseUrl, String path, String json) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + path + " HTTP/1.1\r\nHost: " + baseUrl.getHost() + ":" + baseUrl.getPort()
				+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket(baseUrl.getHost(), baseUrl.getPort())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			return Reply.parse(readToEnd(socket.getInputStream()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] readToEnd(InputStream in) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
				bytes.write(buffer, 0, read);
			}
		}
		catch (IOException ex) {
			// a reset after the data is as much an abrupt end as a close
		}
		return bytes.toByteArray();
	}

	/**
	 * A reply as read off the wire.
	 *
	 * @param status the status code
	 * @param headers the header lines, lower-cased names
	 * @param body the body, de-chunked when chunked
	 * @param complete whether the body ended properly: a terminating chunk, or as many
	 * bytes as {@code Content-Length} announced
	 */
	public record Reply(int status, List<String> headers, String body, boolean complete) {

		static Reply parse(byte[] raw) {
			String text = new String(raw, StandardCharsets.ISO_8859_1);
			int end = text.indexOf("\r\n\r\n");
			if (end < 0) {
				throw new IllegalStateException("no complete head in " + text);
			}
			String[] lines = text.substring(0, end).split("\r\n");
			int status = Integer.parseInt(lines[0].split(" ")[1]);
			List<String> headers = new ArrayList<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers
					.add(lines[i].substring(0, colon).toLowerCase(Locale.ROOT) + ":" + lines[i].substring(colon + 1));
			}
			byte[] rest = text.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1);
			if (headers.stream().anyMatch((header) -> header.startsWith("transfer-encoding:"))) {
				return dechunk(status, headers, rest);
			}
			long length = headers.stream()
				.filter((header) -> header.startsWith("content-length:"))
				.mapToLong((header) -> Long.parseLong(header.substring("content-length:".length()).trim()))
				.findFirst()
				.orElse(rest.length);
			return new Reply(status, headers, new String(rest, StandardCharsets.UTF_8), rest.length == length);
		}

		private static Reply dechunk(int status, List<String> headers, byte[] chunked) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			String text = new String(chunked, StandardCharsets.ISO_8859_1);
			int at = 0;
			while (true) {
				int lineEnd = text.indexOf("\r\n", at);
				if (lineEnd < 0) {
					break;
				}
				int size = Integer.parseInt(text.substring(at, lineEnd).trim(), 16);
				if (size == 0) {
					return new Reply(status, headers, body.toString(StandardCharsets.UTF_8), true);
				}
				int dataEnd = Math.min(lineEnd + 2 + size, chunked.length);
				body.write(chunked, lineEnd + 2, dataEnd - lineEnd - 2);
				at = dataEnd + 2;
				if (at > chunked.length) {
					break;
				}
			}
			return new Reply(status, headers, body.toString(StandardCharsets.UTF_8), false);
		}

		/**
		 * The non-empty lines of the body.
		 * @return NDJSON objects or SSE lines
		 */
		public List<String> lines() {
			return this.body.lines().filter((line) -> !line.isEmpty()).toList();
		}

	}

}
