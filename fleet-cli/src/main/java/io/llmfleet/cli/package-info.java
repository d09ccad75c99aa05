/** The {@code fleet} command line. */
package io.llmfleet.cli;
