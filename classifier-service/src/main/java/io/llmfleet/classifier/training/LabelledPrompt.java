package io.llmfleet.classifier.training;

/**
 * One labelled row of a training file.
 *
 * @param id the row's id
 * @param prompt the request text
 * @param tier the tier it should go to
 * @param category the finer label inside the tier, or {@code unknown}
 * @param language its ISO-639-1 language, or {@code unknown}
 * @param source the data source it came from, or {@code unknown}
 */
public record LabelledPrompt(String id, String prompt, String tier, String category, String language, String source) {

}
