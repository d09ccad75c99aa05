package io.llmfleet.embedded.kafka;

/**
 * The ports of a secured broker's listeners, all on {@link BrokerSettings#HOST}.
 *
 * @param saslSsl the {@code SASL_SSL} listener clients use
 * @param plaintext the {@code PLAINTEXT} listener, or {@link #OFF}
 * @param mutualTls the mutual-TLS listener, or {@link #OFF}
 * @param internal the inter-broker listener (mutual TLS, the broker's own certificate)
 * @param controller the KRaft controller listener (mutual TLS as well)
 */
record SecuredPorts(int saslSsl, int plaintext, int mutualTls, int internal, int controller) {

	/** A listener that is not there. */
	static final int OFF = -1;

}
