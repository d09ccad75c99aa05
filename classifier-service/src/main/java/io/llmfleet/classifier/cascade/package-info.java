/**
 * The classifier's second stage and the cascade: a sentence embedding run in-process by
 * ONNX Runtime, a calibrated head over it, its versioned file, and the rule that asks it
 * only when the first stage is unsure.
 */
package io.llmfleet.classifier.cascade;
