/**
 * Request validation, model pins and the configured strong-signal rules that override the
 * learned model.
 */
package io.llmfleet.classifier.rules;
