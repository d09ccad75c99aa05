package io.llmfleet.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A process's resident memory as Linux reports it in {@code /proc/<pid>/status}.
 *
 * @param rssBytes resident set size now ({@code VmRSS})
 * @param peakRssBytes the highest resident set size so far ({@code VmHWM})
 */
public record ProcessMemory(long rssBytes, long peakRssBytes) {

	private static final long MIB = 1024 * 1024;

	/**
	 * Reads a live process's memory.
	 * @param pid the process
	 * @return its memory, or empty where {@code /proc} cannot tell (not Linux, process
	 * gone)
	 */
	public static Optional<ProcessMemory> of(long pid) {
		try {
			return Optional.of(parse(Files.readString(Path.of("/proc", Long.toString(pid), "status"))));
		}
		catch (IOException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** This JVM's memory. */
	public static Optional<ProcessMemory> self() {
		return of(ProcessHandle.current().pid());
	}

	/**
	 * Reads {@code VmRSS} and {@code VmHWM} from the text of a {@code status} file.
	 * @param status the file's text
	 * @return the two sizes in bytes
	 * @throws IllegalArgumentException when either line is missing
	 */
	public static ProcessMemory parse(String status) {
		return new ProcessMemory(kilobytes(status, "VmRSS") * 1024, kilobytes(status, "VmHWM") * 1024);
	}

	private static long kilobytes(String status, String field) {
		for (String line : status.split("\n")) {
			if (line.startsWith(field + ":")) {
				String[] parts = line.substring(field.length() + 1).trim().split("\\s+");
				if (parts.length == 2 && parts[1].equals("kB")) {
					return Long.parseLong(parts[0]);
				}
			}
		}
		throw new IllegalArgumentException("No " + field + " line in kB in the status text");
	}

	/** Resident size in MiB. */
	public double rssMib() {
		return (double) this.rssBytes / MIB;
	}

	/** Peak resident size in MiB. */
	public double peakRssMib() {
		return (double) this.peakRssBytes / MIB;
	}

}
