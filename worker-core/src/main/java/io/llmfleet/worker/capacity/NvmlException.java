package io.llmfleet.worker.capacity;

/**
 * An NVML call that did not answer: the library is missing, or a function returned an
 * error code. The message names the function, NVML's own text and the code, such as
 * {@code nvmlDeviceGetHandleByUUID(GPU-1234) failed: Not Found (6)}. Expected where no
 * NVIDIA driver is installed, so it carries no stack trace.
 */
public final class NvmlException extends RuntimeException {

	private final int code;

	private NvmlException(String message, int code, Throwable cause) {
		super(message, cause, false, false);
		this.code = code;
	}

	/** A function returned {@code code}, which NVML describes as {@code text}. */
	static NvmlException failed(String call, int code, String text) {
		return new NvmlException(call + " failed: " + text + " (" + code + ")", code, null);
	}

	/** None of the library names could be loaded. */
	static NvmlException notLoaded(String names, Throwable cause) {
		return new NvmlException(
				"NVML library " + names + " not found (no NVIDIA driver on this host?): " + firstLine(cause), -1,
				cause);
	}

	/**
	 * The NVML return code.
	 * @return the code, -1 when the library could not be loaded
	 */
	public int code() {
		return this.code;
	}

	// JNA lists every path it tried, one per line: the first says enough
	private static String firstLine(Throwable cause) {
		String message = String.valueOf(cause.getMessage()).strip();
		int newline = message.indexOf('\n');
		String line = ((newline < 0) ? message : message.substring(0, newline)).strip();
		line = line.endsWith(":") ? line.substring(0, line.length() - 1) : line;
		return (line.length() <= 200) ? line : line.substring(0, 200) + "...";
	}

}
