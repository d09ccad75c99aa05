/**
 * Deterministic training: labelled JSONL, L-BFGS multinomial logistic regression,
 * temperature calibration, folds.
 */
package io.llmfleet.classifier.training;
