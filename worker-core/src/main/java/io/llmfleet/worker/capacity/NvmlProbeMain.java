package io.llmfleet.worker.capacity;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints what NVML reads on this host, the way a worker would read it: every device, or
 * the one a pin selects. For checking a GPU host before starting workers on it; needs
 * only this module's jar and JNA's:
 *
 * <pre>
 * java -cp worker-core.jar:jna.jar io.llmfleet.worker.capacity.NvmlProbeMain [--index N | --uuid GPU-...] [--library NAME]
 * </pre>
 *
 * Without a pin it lists every device; with one, it applies the same
 * {@code CUDA_VISIBLE_DEVICES} check as a worker. Exits 0 when NVML answered, 1 when it
 * could not be read (the reason is printed), 2 for bad arguments.
 */
public final class NvmlProbeMain {

	private NvmlProbeMain() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.getenv(GpuSelection.CUDA_VISIBLE_DEVICES)));
	}

	/**
	 * Runs the probe.
	 * @param args the command-line arguments
	 * @param out where the report goes
	 * @param cudaVisibleDevices the value of {@code CUDA_VISIBLE_DEVICES}, null when
	 * unset
	 * @return the exit status
	 */
	static int run(String[] args, PrintStream out, String cudaVisibleDevices) {
		Integer index = null;
		String uuid = null;
		List<String> libraries = new ArrayList<>(List.of(Nvml.LIBRARY, Nvml.LIBRARY_SO_1));
		try {
			for (int i = 0; i < args.length; i++) {
				switch (args[i]) {
					case "--index" -> index = Integer.parseInt(args[++i]);
					case "--uuid" -> uuid = args[++i];
					case "--library" -> libraries = List.of(args[++i]);
					default -> throw new IllegalArgumentException("unknown argument " + args[i]);
				}
			}
		}
		catch (RuntimeException ex) {
			out.println(
					"usage: NvmlProbeMain [--index N | --uuid GPU-...] [--library NAME]  (" + ex.getMessage() + ")");
			return 2;
		}
		try (NvmlSession nvml = NvmlSession.open(libraries)) {
			int count = nvml.deviceCount();
			out.println("NVML answers: " + count + " device(s); " + GpuSelection.CUDA_VISIBLE_DEVICES + "="
					+ ((cudaVisibleDevices != null) ? "'" + cudaVisibleDevices + "'" : "(unset)"));
			if (index == null && uuid == null) {
				for (int i = 0; i < count; i++) {
					print(out, nvml.device(i));
				}
				return 0;
			}
			GpuSelection selection = GpuSelection.resolve(index, uuid, cudaVisibleDevices);
			NvmlDevice device = (selection.index() != null) ? nvml.device(selection.index())
					: nvml.find(selection.uuid());
			selection.confirm(device.index(), device.uuid());
			out.println("Pinned by " + selection.origin() + ":");
			print(out, device);
			return 0;
		}
		catch (NvmlException ex) {
			out.println("NVML cannot be read: " + ex.getMessage());
			out.println("A worker here reports its static budget (fleet.worker.gpu.static-vram) with source=STATIC.");
			return 1;
		}
		catch (IllegalStateException ex) {
			out.println("The pin does not fit this host: " + ex.getMessage());
			out.println("A worker with this pin would not start.");
			return 1;
		}
	}

	private static void print(PrintStream out, NvmlDevice device) {
		NvmlDevice.MemoryInfo memory = device.memory();
		String utilization;
		try {
			NvmlDevice.UtilizationRates rates = device.utilization();
			utilization = rates.gpu() + "% GPU, " + rates.memory() + "% memory";
		}
		catch (NvmlException ex) {
			utilization = "unavailable (" + ex.getMessage() + ")";
		}
		out.printf(Locale.ROOT, "  GPU %d: %s  %s%n    memory: total %s, used %s, free %s%n    utilization: %s%n",
				device.index(), device.name(), device.uuid(), bytes(memory.total()), bytes(memory.used()),
				bytes(memory.free()), utilization);
	}

	private static String bytes(long bytes) {
		return String.format(Locale.ROOT, "%d bytes (%.2f GiB)", bytes, bytes / (double) (1L << 30));
	}

}
