/**
 * Measures a tier model: accuracy, macro-F1, routing errors, calibration, breakdowns,
 * cross-validation, thresholds.
 */
package io.llmfleet.classifier.evaluation;
