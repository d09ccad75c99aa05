/** Choosing a model of a tier and building the routed request that records why. */
package io.llmfleet.dispatcher.routing;
