package io.llmfleet.simulator.fault;

/**
 * A fault as a server holds it, with how often it has been offered a call and fired.
 *
 * @param id the server's number for it, in the order faults were added
 * @param fault the fault
 * @param calls matching calls it has seen
 * @param fired how many times it fired
 * @param remaining how many more times it fires, {@link Fault#UNLIMITED} for no limit, 0
 * when used up
 */
public record ActiveFault(long id, Fault fault, long calls, long fired, int remaining) {

	/**
	 * Whether the fault still fires.
	 * @return false once used up
	 */
	public boolean live() {
		return this.remaining != 0;
	}

}
