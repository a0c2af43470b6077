package io.vigil.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KafkaClientFactoryTest {

    /** What Quarkus hands over for KAFKA_* variables and kafka.* properties, plus some foreign keys. */
    private static Map<String, Object> serviceConfiguration() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", "kafka-0:9093");
        config.put("security.protocol", "SASL_SSL");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"svc\" password=\"secret\";");
        config.put("ssl.truststore.type", "PEM");
        config.put("ssl.truststore.location", "/etc/kafka-ca/ca.crt");
        config.put("ssl.keystore.type", "PKCS12");
        config.put("ssl.keystore.location", "/etc/kafka-user/user.p12");
        config.put("ssl.keystore.password", "pw");
        config.put("group.id", "policy-service"); // Quarkus adds the application name
        config.put("linger.ms", "7");              // producer only
        config.put("max.poll.records", "99");      // consumer only
        config.put("home", "/opt/kafka");          // KAFKA_HOME: not a Kafka setting
        config.put("tls-configuration-name", "kafka");
        return config;
    }

    private final KafkaClientFactory factory = new KafkaClientFactory(serviceConfiguration());

    @Test
    void everyClientTypeGetsTheSecuritySettings() {
        for (KafkaClientType type : KafkaClientType.values()) {
            assertThat(factory.properties(type, "c", Map.of()))
                    .as(type.name())
                    .containsEntry("bootstrap.servers", "kafka-0:9093")
                    .containsEntry("security.protocol", "SASL_SSL")
                    .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                    .containsKey("sasl.jaas.config")
                    .containsEntry("ssl.truststore.type", "PEM")
                    .containsEntry("ssl.truststore.location", "/etc/kafka-ca/ca.crt")
                    .containsEntry("ssl.keystore.location", "/etc/kafka-user/user.p12")
                    .containsEntry("ssl.keystore.password", "pw")
                    .containsEntry("tls-configuration-name", "kafka")
                    .containsEntry("client.id", "c");
        }
    }

    @Test
    void eachClientTypeKeepsOnlyItsOwnKeys() {
        assertThat(factory.properties(KafkaClientType.PRODUCER, "p", Map.of()))
                .containsEntry("linger.ms", "7").doesNotContainKeys("max.poll.records", "group.id", "home");
        assertThat(factory.properties(KafkaClientType.CONSUMER, "c", Map.of()))
                .containsEntry("max.poll.records", "99").containsEntry("group.id", "policy-service")
                .doesNotContainKeys("linger.ms", "home");
        assertThat(factory.properties(KafkaClientType.ADMIN, "a", Map.of()))
                .doesNotContainKeys("linger.ms", "max.poll.records", "group.id", "home");
    }

    @Test
    void overridesWinAndNullRemoves() {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put("linger.ms", 2);
        overrides.put("acks", "all");
        overrides.put("ssl.keystore.location", null);
        overrides.put("client.id", "explicit");
        assertThat(factory.properties(KafkaClientType.PRODUCER, "p", overrides))
                .containsEntry("linger.ms", 2).containsEntry("acks", "all").containsEntry("client.id", "explicit")
                .doesNotContainKey("ssl.keystore.location");
    }

    @Test
    void aConsumerGetsItsGroupOrNone() {
        assertThat(factory.consumerProperties("c", "vigil-alert-service", Map.of()))
                .containsEntry("group.id", "vigil-alert-service");
        assertThat(factory.consumerProperties("c", null, Map.of())).doesNotContainKey("group.id");
        assertThat(factory.consumerProperties("c", "g", Map.of("max.poll.records", 5)))
                .containsEntry("max.poll.records", 5);
    }

    @Test
    void theBaseConfigurationIsNotChangedByAClient() {
        factory.properties(KafkaClientType.PRODUCER, "p", Map.of("linger.ms", 1));
        assertThat(factory.configuration()).containsEntry("linger.ms", "7").doesNotContainKey("client.id");
    }

    /** The SSL settings really reach each client: a trust store file that does not exist stops every one. */
    @Test
    void realClientsAreBuiltFromTheSslSettings() {
        Map<String, Object> config = Map.of("bootstrap.servers", "127.0.0.1:1", "security.protocol", "SSL",
                "ssl.truststore.type", "PEM", "ssl.truststore.location", "/nonexistent/ca.pem");
        KafkaClientFactory ssl = new KafkaClientFactory(config);
        assertThatThrownBy(() -> ssl.producer("p", Map.of()).close()).isInstanceOf(KafkaException.class)
                .satisfies(e -> assertThat(KafkaProblem.of(e, "p", config).setting())
                        .isEqualTo("kafka.ssl.truststore.location"));
        assertThatThrownBy(() -> ssl.consumer("c", "g", Map.of()).close()).isInstanceOf(KafkaException.class);
        assertThatThrownBy(() -> ssl.admin("a").close()).isInstanceOf(KafkaException.class);

        KafkaClientFactory plain = new KafkaClientFactory(Map.of("bootstrap.servers", "127.0.0.1:1"));
        try (KafkaProducer<String, byte[]> p = plain.producer("p", Map.of());
             KafkaConsumer<String, byte[]> c = plain.consumer("c", null, Map.of());
             Admin a = plain.admin("a")) {
            assertThat(p).isNotNull();
            assertThat(c).isNotNull();
            assertThat(a).isNotNull();
        }
    }
}
