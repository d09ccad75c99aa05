package io.llmfleet.cli.classifier;

import picocli.CommandLine.Command;

/**
 * {@code fleet classifier}: the tier model's life cycle. {@code train} fits a model file
 * from labelled JSONL, {@code eval} measures a model or cross-validates the training
 * pipeline, {@code calibrate} picks the confidence threshold for an under-routing target;
 * each can include the cascade's second stage ({@code train --cascade-out}, {@code eval
 * --cascade}, {@code calibrate --cascade}).
 */
@Command(name = "classifier", mixinStandardHelpOptions = true,
		description = "Train, evaluate and calibrate the request classifier's tier model.",
		subcommands = { TrainCommand.class, EvalCommand.class, CalibrateCommand.class })
public class ClassifierCommand {

}
