/**
 * The request path's classifier: pins, strong rules, the learned model, the threshold and
 * hints, in that order.
 */
package io.llmfleet.classifier.decision;
