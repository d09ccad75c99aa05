/** The fleet's topic names, derived once from a configurable prefix. */
package io.llmfleet.core.topic;
