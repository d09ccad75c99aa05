/**
 * {@code fleet classifier}: train, evaluate and calibrate the request classifier's tier
 * model.
 */
package io.llmfleet.cli.classifier;
