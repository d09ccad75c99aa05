/**
 * The classifier service: reads requests, decides their tier, writes classified requests.
 */
package io.llmfleet.classifier;
