/**
 * The whole fleet in one JVM: embedded broker and registry, services, and simulated
 * backends.
 */
package io.llmfleet.cli.local;
