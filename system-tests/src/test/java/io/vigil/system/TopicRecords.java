package io.vigil.system;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a topic from the beginning to its current end with a plain Kafka consumer (no Vigil deserialisers). */
final class TopicRecords {

    private TopicRecords() {
    }

    static List<ConsumerRecord<String, String>> all(String bootstrapServers, String topic) {
        return all(bootstrapServers, topic, StringDeserializer.class);
    }

    /** The same with another value deserializer, e.g. a CloudEvents SDK's; a record it cannot read fails the read. */
    static <V> List<ConsumerRecord<String, V>> all(String bootstrapServers, String topic,
                                                   Class<? extends Deserializer<V>> values) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, values);
        List<ConsumerRecord<String, V>> found = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(found::add);
            }
        }
        return found;
    }

    static List<ConsumerRecord<String, String>> forComputer(String bootstrapServers, String topic, long id) {
        return all(bootstrapServers, topic).stream().filter(r -> Long.toString(id).equals(r.key())).toList();
    }
}
