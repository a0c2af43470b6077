package io.vigil.alerts.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.EventJson;
import io.vigil.testkit.Infrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects every record that appears on a topic from now on (a background consumer without a group). */
final class TopicWatcher implements AutoCloseable {

    /** One record: key, parsed CloudEvent JSON, and its headers are not needed here. */
    record Seen(String key, JsonNode event) {
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread thread;
    private volatile boolean running = true;

    TopicWatcher(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().bootstrapServers());
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().daemon().start(this::run);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    seen.add(new Seen(record.key(), EventJson.read(record.value(),
                            new com.fasterxml.jackson.core.type.TypeReference<JsonNode>() { })));
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    List<Seen> forKey(long computerID) {
        return seen.stream().filter(s -> Long.toString(computerID).equals(s.key())).toList();
    }

    List<Seen> all() {
        return List.copyOf(seen);
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
