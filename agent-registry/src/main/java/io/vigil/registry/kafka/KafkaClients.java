package io.vigil.registry.kafka;

import io.vigil.kafka.KafkaClientFactory;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * The registry's tuning of its Kafka clients (string keys, computer IDs; CloudEvents JSON bytes as values), on top of
 * the service's whole Kafka configuration that the shared {@link KafkaClientFactory} starts from.
 */
public final class KafkaClients {

    private KafkaClients() {
    }

    /** Idempotent, acks=all: a send is acknowledged only once durable, and retries never reorder or duplicate. */
    public static KafkaProducer<String, byte[]> producer(KafkaClientFactory kafka, String clientId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return kafka.producer(clientId, props);
    }

    /**
     * A consumer in a group with range assignment (co-partitioned topics: partition p of every topic goes to the same
     * member), manual commits, reading from the beginning when the group has no position.
     */
    public static KafkaConsumer<String, byte[]> consumer(KafkaClientFactory kafka, String clientId, String groupId,
                                                         int maxPollRecords) {
        return kafka.consumer(clientId, groupId, consumerProps(maxPollRecords));
    }

    /**
     * The status engine's consumer: {@link #consumer} with batched fetches, a fetch answered once 64 KiB are there or
     * after 200 ms (well within the 500 ms between the engine's writes). The engine's results do not depend on how
     * records are batched (see the status package's {@code PollOrder} and {@code PendingTransitions}).
     */
    public static KafkaConsumer<String, byte[]> statusConsumer(KafkaClientFactory kafka, String clientId,
                                                               String groupId, int maxPollRecords) {
        Map<String, Object> props = consumerProps(maxPollRecords);
        // fewer, larger fetches: answering every new record, the broker served hundreds a second at 1,000 heartbeats/s;
        // and while little arrives, 5 empty fetches a second rather than 20 (the broker's idle cost)
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 64 * 1024);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        return kafka.consumer(clientId, groupId, props);
    }

    private static Map<String, Object> consumerProps(int maxPollRecords) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // a crashed instance's partitions move after 10 s rather than Kafka's default 45 s
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 3_000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        return props;
    }
}
