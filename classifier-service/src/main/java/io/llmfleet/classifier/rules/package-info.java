/** Tier decisions from configured rules, model pins and tier hints. */
package io.llmfleet.classifier.rules;
