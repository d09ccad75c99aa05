/**
 * Turns a prompt into hashed n-gram and structural features, with no allocation per
 * feature.
 */
package io.llmfleet.classifier.features;
