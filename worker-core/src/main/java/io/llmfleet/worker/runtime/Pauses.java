package io.llmfleet.worker.runtime;

import java.time.Duration;

/**
 * Waits between tries that a stopping worker must be able to cut short.
 */
final class Pauses {

	private Pauses() {
	}

	/**
	 * Sleeps for {@code duration}.
	 * @param duration how long
	 * @return true when it slept the whole time; false when the thread was interrupted
	 * (its interrupt kept), which means the worker is stopping
	 */
	static boolean pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
