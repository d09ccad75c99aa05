/**
 * Integration-test support: one embedded broker and registry per run, a real worker
 * around a backend the test drives, and a reader of fleet topics.
 */
package io.llmfleet.worker.it;
