/**
 * The dispatcher's view of the fleet's capacity, rebuilt from the compacted capacity
 * topic: which workers are alive, what they serve, their free VRAM and free slots.
 */
package io.llmfleet.dispatcher.capacity;
