/**
 * The learned tier model: the predictor contract, linear weights, calibration and the
 * versioned model file.
 */
package io.llmfleet.classifier.model;
