package io.llmfleet.embedded.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The server properties of the embedded single-node KRaft broker: one process that is
 * both broker and controller, bound to loopback only, with every replication setting
 * lowered to what a single node can satisfy. Plain by default; secured (SASL_SSL, mutual
 * TLS, ACLs) with {@link BrokerSecurity}.
 */
final class BrokerSettings {

	/** Node id of the single combined broker and controller. */
	static final int NODE_ID = 1;

	/** Listener that clients and the broker itself use. */
	static final String BROKER_LISTENER = "PLAINTEXT";

	/** Listener of SCRAM clients on a secured broker. */
	static final String SASL_SSL_LISTENER = "SASL_SSL";

	/** Listener of mutual-TLS clients on a secured broker. */
	static final String MUTUAL_TLS_LISTENER = "MTLS";

	/**
	 * Inter-broker listener of a secured broker: mutual TLS, only the broker's own
	 * certificate is a super user there.
	 */
	static final String INTERNAL_LISTENER = "INTERNAL";

	/** Listener of the KRaft controller quorum (a quorum of one). */
	static final String CONTROLLER_LISTENER = "CONTROLLER";

	/**
	 * Loopback only: the embedded broker is for one machine and must not be reachable
	 * from others.
	 */
	static final String HOST = "127.0.0.1";

	private BrokerSettings() {
	}

	/**
	 * Builds the broker's properties.
	 * @param dataDir the log directory, also holding the KRaft metadata log
	 * @param brokerPort the port clients connect to
	 * @param controllerPort the port of the controller listener
	 * @param overrides properties that replace the defaults, applied last
	 * @return the properties, in a stable order
	 */
	static Map<String, String> properties(Path dataDir, int brokerPort, int controllerPort,
			Map<String, String> overrides) {
		Map<String, String> props = new LinkedHashMap<>();
		props.put("process.roles", "broker,controller");
		props.put("node.id", Integer.toString(NODE_ID));
		// A static quorum (kraft.version 0) keeps the voter's address in configuration
		// rather
		// than in the metadata log, so a restart may pick a new controller port.
		props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
		props.put("listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort + "," + CONTROLLER_LISTENER + "://"
				+ HOST + ":" + controllerPort);
		props.put("advertised.listeners", BROKER_LISTENER + "://" + HOST + ":" + brokerPort);
		props.put("listener.security.protocol.map",
				BROKER_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
		props.put("controller.listener.names", CONTROLLER_LISTENER);
		props.put("inter.broker.listener.name", BROKER_LISTENER);
		props.put("log.dirs", dataDir.toString());
		singleNode(props);
		props.putAll(overrides);
		return props;
	}

	/**
	 * Builds the properties of a secured broker: the listeners {@link BrokerSecurity}
	 * asks for, an internal and a controller listener that only the broker's own
	 * certificate gets into, and ACLs enforced by the {@code StandardAuthorizer}.
	 * @param dataDir the log directory, also holding the KRaft metadata log
	 * @param ports the listeners' ports
	 * @param tls the key and trust stores
	 * @param security the users and listeners asked for
	 * @param overrides properties that replace the defaults, applied last
	 * @return the properties, in a stable order
	 */
	static Map<String, String> securedProperties(Path dataDir, SecuredPorts ports, TlsStores tls,
			BrokerSecurity security, Map<String, String> overrides) {
		Map<String, String> props = new LinkedHashMap<>();
		props.put("process.roles", "broker,controller");
		props.put("node.id", Integer.toString(NODE_ID));
		props.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + ports.controller());
		// Listener name -> its protocol and port, in the order they are listed.
		Map<String, String> protocols = new LinkedHashMap<>();
		Map<String, Integer> listenerPorts = new LinkedHashMap<>();
		if (ports.plaintext() != SecuredPorts.OFF) {
			protocols.put(BROKER_LISTENER, "PLAINTEXT");
			listenerPorts.put(BROKER_LISTENER, ports.plaintext());
		}
		protocols.put(SASL_SSL_LISTENER, "SASL_SSL");
		listenerPorts.put(SASL_SSL_LISTENER, ports.saslSsl());
		if (ports.mutualTls() != SecuredPorts.OFF) {
			protocols.put(MUTUAL_TLS_LISTENER, "SSL");
			listenerPorts.put(MUTUAL_TLS_LISTENER, ports.mutualTls());
		}
		protocols.put(INTERNAL_LISTENER, "SSL");
		listenerPorts.put(INTERNAL_LISTENER, ports.internal());
		protocols.put(CONTROLLER_LISTENER, "SSL");
		listenerPorts.put(CONTROLLER_LISTENER, ports.controller());
		props.put("listeners", join(listenerPorts, null));
		props.put("advertised.listeners", join(listenerPorts, CONTROLLER_LISTENER));
		props.put("listener.security.protocol.map", String.join(",",
				protocols.entrySet().stream().map((entry) -> entry.getKey() + ":" + entry.getValue()).toList()));
		props.put("controller.listener.names", CONTROLLER_LISTENER);
		props.put("inter.broker.listener.name", INTERNAL_LISTENER);
		props.put("log.dirs", dataDir.toString());
		// SCRAM on the SASL_SSL listener; the credentials live in the metadata log.
		props.put("sasl.enabled.mechanisms", BrokerSecurity.SCRAM_MECHANISM);
		props.put(listenerPrefix(SASL_SSL_LISTENER) + "sasl.enabled.mechanisms", BrokerSecurity.SCRAM_MECHANISM);
		props.put(listenerPrefix(SASL_SSL_LISTENER) + BrokerSecurity.SCRAM_MECHANISM.toLowerCase(Locale.ROOT)
				+ ".sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
		// One key store serves every TLS listener, and the broker as a client of its own
		// internal and controller listeners.
		props.put("ssl.keystore.type", TlsStores.STORE_TYPE);
		props.put("ssl.keystore.location", tls.brokerKeyStore().toString());
		props.put("ssl.keystore.password", tls.password());
		props.put("ssl.key.password", tls.password());
		props.put("ssl.truststore.type", TlsStores.STORE_TYPE);
		props.put("ssl.truststore.location", tls.trustStore().toString());
		props.put("ssl.truststore.password", tls.password());
		// Every TLS listener without SASL wants a client certificate of the broker's CA.
		protocols.forEach((listener, protocol) -> {
			if (protocol.equals("SSL")) {
				props.put(listenerPrefix(listener) + "ssl.client.auth", "required");
			}
		});
		// A certificate's principal is its common name: CN=fleet-broker ->
		// User:fleet-broker.
		props.put("ssl.principal.mapping.rules", "RULE:^CN=([^,]+)$/$1/,DEFAULT");
		props.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
		props.put("super.users", "User:" + BrokerSecurity.BROKER_PRINCIPAL + ";User:" + security.superUser());
		props.put("allow.everyone.if.no.acl.found", "false");
		singleNode(props);
		props.putAll(overrides);
		return props;
	}

	private static String listenerPrefix(String listener) {
		return "listener.name." + listener.toLowerCase(Locale.ROOT) + ".";
	}

	private static String join(Map<String, Integer> listenerPorts, String except) {
		return String.join(",",
				listenerPorts.entrySet()
					.stream()
					.filter((entry) -> !entry.getKey().equals(except))
					.map((entry) -> entry.getKey() + "://" + HOST + ":" + entry.getValue())
					.toList());
	}

	/** What every single-node broker needs, secured or not. */
	private static void singleNode(Map<String, String> props) {
		// One node: every internal topic and every new topic can have one replica only.
		props.put("default.replication.factor", "1");
		props.put("min.insync.replicas", "1");
		props.put("offsets.topic.replication.factor", "1");
		props.put("transaction.state.log.replication.factor", "1");
		props.put("transaction.state.log.min.isr", "1");
		props.put("share.coordinator.state.topic.replication.factor", "1");
		props.put("share.coordinator.state.topic.min.isr", "1");
		// The defaults (50 partitions each) cost start-up time when the first group or
		// transaction appears and buy nothing on one broker.
		props.put("offsets.topic.num.partitions", "5");
		props.put("transaction.state.log.num.partitions", "5");
		props.put("num.partitions", "1");
		// Nothing to wait for: no other member is going to join a group on a dev machine.
		props.put("group.initial.rebalance.delay.ms", "0");
		// Every fleet topic is created explicitly with its partitions and cleanup policy;
		// a
		// misspelt name must fail loudly instead of becoming a one-partition topic with
		// the
		// wrong settings, and production clusters usually run with this off as well.
		props.put("auto.create.topics.enable", "false");
		// Compacted topics (_schemas, fleet.capacity) need the cleaner; the default 128
		// MiB
		// dedupe buffer is sized for production and would be allocated on our heap.
		props.put("log.cleaner.enable", "true");
		props.put("log.cleaner.dedupe.buffer.size", Integer.toString(8 * 1024 * 1024));
	}

}
