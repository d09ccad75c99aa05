package io.llmfleet.cli.replay;

import picocli.CommandLine.Command;

/**
 * {@code fleet replay}: {@code evaluate} replays recorded traffic offline under a
 * candidate routing policy and reports what would change; {@code traffic} re-publishes it
 * live, paced, for load tests and A/B of live policies.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
		description = "Replay recorded traffic: offline under a candidate policy, or live against the fleet.",
		subcommands = { EvaluateCommand.class, TrafficCommand.class })
public class ReplayCommand {

}
