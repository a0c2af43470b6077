package io.vigil.alerts.engine;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.RangeAssignor;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.util.HashMap;
import java.util.Map;

/**
 * The engine's consumer: no offset commits (state is rebuilt from the log), range assignment for co-location, a
 * 10-second session.
 */
final class ConsumerSettings {

    private ConsumerSettings() {
    }

    /** The engine's tuning on top of the service's Kafka configuration (the factory adds client id and group). */
    static Map<String, Object> overrides() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, RangeAssignor.class.getName());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        // a crashed instance's partitions move after 10 s rather than Kafka's default 45 s: judgements are held back
        // until then, so this bounds how late an alert can be after a crash
        props.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "10000");
        props.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, "3000");
        // a fetch is answered once 64 KiB are there or after 100 ms, not at every new record: a few large fetches per
        // second instead of hundreds of small ones (CPU per heartbeat here and in the broker), and 10 empty ones a
        // second while little arrives; judgement at most 100 ms later
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "65536");
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    static KafkaConsumer<byte[], byte[]> consumer(EngineSettings settings) {
        return settings.kafka().consumer("alert-service-engine", settings.groupId(), overrides(),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
