package io.vigil.kafka;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.Set;

/**
 * The three kinds of Kafka client and the configuration keys each one knows. A service's {@code kafka.*}
 * configuration holds keys for all three (and sometimes foreign ones, e.g. from an environment variable that merely
 * starts with {@code KAFKA_}); each client gets only its own, so Kafka never warns about unknown keys. Every kind
 * knows {@code security.protocol} and every {@code sasl.*} and {@code ssl.*} key.
 */
public enum KafkaClientType {
    PRODUCER(ProducerConfig.configNames()),
    CONSUMER(ConsumerConfig.configNames()),
    ADMIN(AdminClientConfig.configNames());

    /**
     * Quarkus's name of a TLS configuration of its TLS registry ({@code kafka.tls-configuration-name}); Quarkus's
     * SSL engine factory reads it from the client's configuration, so it is kept for every kind.
     */
    static final String QUARKUS_TLS_CONFIGURATION = "tls-configuration-name";

    private final Set<String> names;

    KafkaClientType(Set<String> names) {
        this.names = Set.copyOf(names);
    }

    /** True when a client of this kind understands the key. */
    public boolean accepts(String key) {
        return names.contains(key) || QUARKUS_TLS_CONFIGURATION.equals(key);
    }
}
