/**
 * {@code fleet replay}: recorded traffic re-classified and re-routed offline under a
 * candidate policy (a report in Markdown and HTML), or re-published live at a chosen
 * pace.
 */
package io.llmfleet.cli.replay;
