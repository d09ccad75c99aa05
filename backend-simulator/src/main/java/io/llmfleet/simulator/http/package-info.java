/**
 * HTTP plumbing both simulated servers share: the JDK server bound to loopback, routing,
 * JSON bodies, streamed replies and error replies.
 */
package io.llmfleet.simulator.http;
