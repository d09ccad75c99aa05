package io.llmfleet.cli.top;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.llmfleet.cli.ConnectionOptions;
import io.llmfleet.cli.local.FleetConfiguration;

/**
 * {@code fleet top}: workers (host, GPU, VRAM, models loaded, in-flight, state), each
 * model's queue depth, and the last minute's tier mix and error rates, redrawn every
 * {@code --interval} until interrupted; {@code --once} prints one frame and exits.
 */
@Command(name = "top", mixinStandardHelpOptions = true,
		description = "Live view of workers, model queues and the last minute's tier mix and error rates.")
public class TopCommand implements Callable<Integer> {

	/** Home, clear the screen: ANSI, as every terminal emulator understands it. */
	private static final String CLEAR = "\u001b[H\u001b[2J";

	@Option(names = "--once", description = "Print one frame and exit")
	boolean once;

	@Option(names = "--interval", defaultValue = "PT2S",
			description = "Time between frames, ISO-8601 (default: ${DEFAULT-VALUE})")
	Duration interval;

	@Option(names = "--window", defaultValue = "PT1M",
			description = "Span of the tier mix and error rates, ISO-8601 (default: ${DEFAULT-VALUE})")
	Duration window;

	@Mixin
	ConnectionOptions connection;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		PrintWriter out = this.spec.commandLine().getOut();
		try (FleetView view = new FleetView(this.connection.clientConfig(), this.connection.topics(),
				FleetConfiguration.defaults().catalog(), new OutcomeWindow(this.window))) {
			if (this.once) {
				out.print(TopRenderer.render(view.refresh()));
				out.flush();
				return 0;
			}
			while (!Thread.currentThread().isInterrupted()) {
				String frame = TopRenderer.render(view.refresh());
				out.print(CLEAR + frame + "\n(every " + this.interval.toSeconds() + " s; Ctrl-C quits)");
				out.flush();
				Thread.sleep(this.interval.toMillis());
			}
		}
		return 0;
	}

}
