/** The contract between the worker runtime and one inference backend. */
package io.llmfleet.worker.backend;
