/**
 * The tiers and the model catalogue, from configuration; no tier or model is named in
 * code.
 */
package io.llmfleet.core.catalog;
