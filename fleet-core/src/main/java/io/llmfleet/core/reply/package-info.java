/** Building and publishing the one result each request gets. */
package io.llmfleet.core.reply;
