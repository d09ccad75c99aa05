package io.llmfleet.embedded.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.errors.SaslAuthenticationException;

/**
 * Creates (or updates) the SCRAM-SHA-512 users of a secured broker through the Admin API
 * over the broker's internal listener, where the broker's own certificate makes it a
 * super user. The credentials live in the KRaft metadata log, like those
 * {@code kafka-storage
 * format --add-scram} writes, so the same call serves a freshly formatted data directory
 * and one that is reused with changed users or passwords.
 */
final class ScramUsers {

	/**
	 * Kafka's minimum for SCRAM-SHA-512: each login costs the client this many rounds.
	 */
	static final int ITERATIONS = 4096;

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final long RETRY_PAUSE_MS = 50;

	private ScramUsers() {
	}

	/**
	 * Upserts the users, then waits until the broker authenticates one of them: the
	 * credentials reach the broker's authenticator through the metadata log, a moment
	 * after the controller has accepted them.
	 * @param credentials the broker's credentials
	 * @param users user name to password
	 * @param probeUser a user in {@code users} whose login shows they are all in place
	 */
	static void upsert(BrokerCredentials credentials, Map<String, String> users, String probeUser) {
		List<UserScramCredentialAlteration> alterations = new ArrayList<>();
		users.forEach((user, password) -> alterations.add(new UserScramCredentialUpsertion(user,
				new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, ITERATIONS), password)));
		try (Admin admin = Admin.create(credentials.brokerClientProperties())) {
			admin.alterUserScramCredentials(alterations).all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(
					"Cannot create the SCRAM users " + users.keySet() + ": " + ex.getCause().getMessage(),
					ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("SCRAM users " + users.keySet() + " not created within " + TIMEOUT, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while creating SCRAM users", ex);
		}
		awaitLogin(credentials, probeUser);
	}

	private static void pause() {
		try {
			TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for SCRAM users", ex);
		}
	}

	private static void awaitLogin(BrokerCredentials credentials, String user) {
		long deadline = System.nanoTime() + TIMEOUT.toNanos();
		while (true) {
			try (Admin admin = Admin.create(credentials.saslSslClientProperties(user))) {
				admin.describeCluster().clusterId().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
				return;
			}
			catch (ExecutionException ex) {
				if (!(ex.getCause() instanceof SaslAuthenticationException) || System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"SCRAM user " + user + " cannot log in to the broker: " + ex.getCause().getMessage(),
							ex.getCause());
				}
				pause();
			}
			catch (TimeoutException ex) {
				throw new IllegalStateException("SCRAM user " + user + " got no answer within " + TIMEOUT, ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while waiting for SCRAM users", ex);
			}
		}
	}

}
