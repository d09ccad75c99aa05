/**
 * Fault injection: what can go wrong with a backend
 * ({@link io.llmfleet.simulator.fault.Fault}), the live set of faults of one simulated
 * server ({@link io.llmfleet.simulator.fault.SimulatorFaults}) and its
 * {@code /admin/faults} endpoint.
 */
package io.llmfleet.simulator.fault;
