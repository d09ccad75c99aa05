/**
 * The dispatcher service: routes classified requests to model topics and re-routes dead
 * letters.
 */
package io.llmfleet.dispatcher;
