/**
 * The Ollama backend of the worker runtime: its {@code Backend}, settings, error
 * classification and Boot application.
 */
package io.llmfleet.worker.ollama;
