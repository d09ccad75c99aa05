/**
 * The Java client of the fleet: submit requests, receive their results asynchronously.
 */
package io.llmfleet.client;
