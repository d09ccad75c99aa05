package io.llmfleet.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the bench ran on, and how busy the machine was. */
public final class Machine {

	private Machine() {
	}

	/** Cores, memory, CPU model, JDK and OS in one line. */
	public static String describe() {
		String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
		String memory = firstValue(Path.of("/proc/meminfo"), "MemTotal");
		String memoryText = "?";
		if (memory != null) {
			long kb = Long.parseLong(memory.replace("kB", "").trim());
			memoryText = String.format("%.1f GiB", kb / (1024.0 * 1024));
		}
		return Runtime.getRuntime().availableProcessors() + " cores" + ((cpu != null) ? " (" + cpu + ")" : "") + ", "
				+ memoryText + " memory, " + System.getProperty("java.vm.name") + " "
				+ System.getProperty("java.runtime.version") + ", " + System.getProperty("os.name") + " "
				+ System.getProperty("os.version");
	}

	/** The 1, 5 and 15 minute load averages, as {@code uptime} shows them. */
	public static String load() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | ArrayIndexOutOfBoundsException ex) {
			return "?";
		}
	}

	private static String firstValue(Path file, String key) {
		try {
			for (String line : Files.readAllLines(file)) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
					return line.substring(colon + 1).trim();
				}
			}
		}
		catch (IOException ex) {
			// Not Linux: say nothing.
		}
		return null;
	}

}
