/**
 * What happens after a failed attempt: another model, a lighter tier, or a FAILED result.
 */
package io.llmfleet.dispatcher.fallback;
