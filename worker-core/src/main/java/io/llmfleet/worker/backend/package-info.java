/**
 * The contract between the worker runtime and one inference backend: its calls, their
 * outcomes, and what it says about its own load.
 */
package io.llmfleet.worker.backend;
