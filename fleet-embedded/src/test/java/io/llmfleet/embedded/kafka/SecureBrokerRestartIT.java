package io.llmfleet.embedded.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A secured broker restarted on its data directory: records, ACLs and SCRAM users stay
 * (they are in the metadata log), a user's password given anew replaces the old one, and
 * clients use the new CA written at the restart.
 */
class SecureBrokerRestartIT {

	private static final String TOPIC = "secure.durable";

	private static final String USER = "svc";

	@TempDir
	Path dataDir;

	@Test
	void restartKeepsRecordsAndAclsAndTakesTheNewPassword() throws Exception {
		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(this.dataDir, 0,
				BrokerSecurity.saslSsl().withUser(USER, "first-password"))) {
			BrokerCredentials credentials = broker.credentials().orElseThrow();
			broker.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)));
			try (Admin admin = Admin.create(credentials.superUserClientProperties())) {
				admin.createAcls(List.of(allow(AclOperation.WRITE), allow(AclOperation.READ)))
					.all()
					.get(30, TimeUnit.SECONDS);
			}
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(credentials.saslSslClientProperties(USER),
					new StringSerializer(), new StringSerializer())) {
				producer.send(new ProducerRecord<>(TOPIC, "k", "kept")).get(30, TimeUnit.SECONDS);
			}
		}

		try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(this.dataDir, 0,
				BrokerSecurity.saslSsl().withUser(USER, "second-password"))) {
			BrokerCredentials credentials = broker.credentials().orElseThrow();
			Map<String, Object> oldPassword = credentials.saslSslClientProperties(USER);
			oldPassword.put("sasl.jaas.config", BrokerCredentials.jaasConfig(USER, "first-password"));

			assertThatExceptionOfType(SaslAuthenticationException.class).isThrownBy(() -> read(oldPassword));
			assertThat(read(credentials.saslSslClientProperties(USER))).containsExactly("kept");
		}
	}

	private static List<String> read(Map<String, Object> clientProperties) {
		Map<String, Object> settings = new HashMap<>(clientProperties);
		settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<String> values = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
				new StringDeserializer())) {
			TopicPartition partition = new TopicPartition(TOPIC, 0);
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition), Duration.ofSeconds(30)).get(partition);
			while (consumer.position(partition, Duration.ofSeconds(30)) < end) {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					values.add(record.value());
				}
			}
		}
		return values;
	}

	private static AclBinding allow(AclOperation operation) {
		return new AclBinding(new ResourcePattern(ResourceType.TOPIC, TOPIC, PatternType.LITERAL),
				new AccessControlEntry("User:" + USER, "*", operation, AclPermissionType.ALLOW));
	}

}
