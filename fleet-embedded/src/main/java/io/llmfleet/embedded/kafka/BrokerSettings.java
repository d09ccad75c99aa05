package io.llmfleet.embedded.kafka;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server properties of the embedded single-node KRaft broker: one process that is
 * both broker and controller, bound to loopback only, with every replication setting
 * lowered to what a single node can satisfy.
 */
final class BrokerSettings {

	/** Node id of the single combined broker and controller. */
	static final int NODE_ID = 1;

	/** Listener that clients and the broker itself use. */
	static final String BROKER_LISTENER = "PLAINTEXT";

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
		props.putAll(overrides);
		return props;
	}

}
