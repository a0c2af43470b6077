package io.vigil.system;

import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Which computers' heartbeats were recorded, and when: reads {@code vigil.heartbeats} from its end onwards on a thread
 * of its own and keeps each computer's latest record time (the gateway's, taken when it published the heartbeat). What
 * counts for a storm is what the platform recorded, whichever process ran the agents.
 */
final class HeartbeatWatch implements AutoCloseable {

    private final Map<String, Long> latest = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean closed;

    HeartbeatWatch(String bootstrapServers) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 65536, ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.HEARTBEATS).stream()
                .map(p -> new TopicPartition(Topics.HEARTBEATS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // the end now, not at the first poll
        reader = Thread.ofPlatform().name("heartbeat-watch").daemon().start(() -> {
            try (consumer) {
                while (!closed) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        latest.merge(record.key(), record.timestamp(), Math::max);
                    }
                }
            }
        });
    }

    /** Computers with a heartbeat recorded since the watch began. */
    int computers() {
        return latest.size();
    }

    /** Computers (their IDs, as the records' keys) with a heartbeat recorded at or after {@code epochMillis}. */
    Set<String> computersSince(long epochMillis) {
        return latest.entrySet().stream().filter(e -> e.getValue() >= epochMillis).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        reader.join(5_000);
    }
}
