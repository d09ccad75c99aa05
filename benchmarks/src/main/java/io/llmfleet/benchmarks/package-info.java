/** JMH benchmarks of the request classifier's first stage. */
package io.llmfleet.benchmarks;
