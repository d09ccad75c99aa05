package io.llmfleet.embedded.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import kafka.server.KafkaConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Formats a KRaft log directory the way {@code kafka-storage.sh format} does, once: a
 * directory that already holds {@code meta.properties} keeps its cluster id and data.
 */
final class KraftStorage {

	private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);

	private static final String CLUSTER_ID = "cluster.id";

	private KraftStorage() {
	}

	/**
	 * Formats {@code dataDir} unless it is formatted already.
	 * @param dataDir the broker's only log directory
	 * @param config the broker configuration the directory is formatted for
	 * @return the cluster id, new or read back from {@code meta.properties}
	 */
	static String formatIfNeeded(Path dataDir, KafkaConfig config) {
		Path metaProperties = dataDir.resolve(MetaPropertiesEnsemble.META_PROPERTIES_NAME);
		if (Files.exists(metaProperties)) {
			String clusterId = readClusterId(metaProperties);
			log.debug("Reusing KRaft storage in {} (cluster id {})", dataDir, clusterId);
			return clusterId;
		}
		String clusterId = Uuid.randomUuid().toString();
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		Formatter formatter = new Formatter().setPrintStream(new PrintStream(output, true, StandardCharsets.UTF_8))
			.setNodeId(config.nodeId())
			.setClusterId(clusterId)
			.setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
			.setMetadataLogDirectory(config.metadataLogDir())
			.addDirectory(dataDir.toString());
		try {
			formatter.run();
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot format KRaft storage in " + dataDir + ": " + ex.getMessage(), ex);
		}
		log.info("Formatted KRaft storage in {} with cluster id {}", dataDir, clusterId);
		log.debug("Formatter said: {}", output.toString(StandardCharsets.UTF_8).strip());
		return clusterId;
	}

	private static String readClusterId(Path metaProperties) {
		Properties properties = new Properties();
		try (var in = Files.newInputStream(metaProperties)) {
			properties.load(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + metaProperties, ex);
		}
		return properties.getProperty(CLUSTER_ID, "unknown");
	}

}
