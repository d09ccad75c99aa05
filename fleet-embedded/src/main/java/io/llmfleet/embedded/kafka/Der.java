package io.llmfleet.embedded.kafka;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The few ASN.1 DER encodings an X.509 v3 certificate needs, written with nothing but
 * byte arrays: tag, length, content. Enough for {@link CertificateFactory}-parseable
 * certificates; not a general ASN.1 library.
 */
final class Der {

	private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/** RFC 5280: dates before 2050 are UTCTime, later ones GeneralizedTime. */
	private static final Instant UTC_TIME_LIMIT = Instant.parse("2050-01-01T00:00:00Z");

	private Der() {
	}

	static byte[] sequence(byte[]... parts) {
		return tlv(0x30, concat(parts));
	}

	static byte[] set(byte[]... parts) {
		return tlv(0x31, concat(parts));
	}

	static byte[] integer(BigInteger value) {
		return tlv(0x02, value.toByteArray());
	}

	static byte[] bool(boolean value) {
		return tlv(0x01, new byte[] { (byte) (value ? 0xFF : 0x00) });
	}

	static byte[] octetString(byte[] content) {
		return tlv(0x04, content);
	}

	/**
	 * A BIT STRING.
	 * @param content the bits, most significant first
	 * @param unusedBits how many trailing bits of the last byte are not part of it
	 */
	static byte[] bitString(byte[] content, int unusedBits) {
		byte[] value = new byte[content.length + 1];
		value[0] = (byte) unusedBits;
		System.arraycopy(content, 0, value, 1, content.length);
		return tlv(0x03, value);
	}

	static byte[] utf8String(String text) {
		return tlv(0x0C, text.getBytes(StandardCharsets.UTF_8));
	}

	static byte[] time(Instant instant) {
		return instant.isBefore(UTC_TIME_LIMIT) ? tlv(0x17, ascii(UTC_TIME.format(instant)))
				: tlv(0x18, ascii(GENERALIZED_TIME.format(instant)));
	}

	/** A dotted object identifier such as {@code 2.5.4.3}. */
	static byte[] oid(String dotted) {
		String[] arcs = dotted.split("\\.");
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		base128(out, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
		for (int i = 2; i < arcs.length; i++) {
			base128(out, Long.parseLong(arcs[i]));
		}
		return tlv(0x06, out.toByteArray());
	}

	/** A context-specific constructed tag {@code [n]} around DER content (EXPLICIT). */
	static byte[] explicit(int tagNumber, byte[] content) {
		return tlv(0xA0 | tagNumber, content);
	}

	/**
	 * A context-specific primitive tag {@code [n]} replacing a primitive's own
	 * (IMPLICIT).
	 */
	static byte[] implicitPrimitive(int tagNumber, byte[] value) {
		return tlv(0x80 | tagNumber, value);
	}

	static byte[] tlv(int tag, byte[] content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
		out.write(tag);
		int length = content.length;
		if (length < 0x80) {
			out.write(length);
		}
		else {
			int bytes = (32 - Integer.numberOfLeadingZeros(length) + 7) / 8;
			out.write(0x80 | bytes);
			for (int i = bytes - 1; i >= 0; i--) {
				out.write(length >>> (8 * i));
			}
		}
		out.writeBytes(content);
		return out.toByteArray();
	}

	private static void base128(ByteArrayOutputStream out, long value) {
		int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(value) + 6) / 7);
		for (int i = groups - 1; i >= 0; i--) {
			int group = (int) ((value >>> (7 * i)) & 0x7F);
			out.write((i > 0) ? (group | 0x80) : group);
		}
	}

	private static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
