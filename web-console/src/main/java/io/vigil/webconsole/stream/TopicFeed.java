package io.vigil.webconsole.stream;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads the public topics the console shows from their end (no consumer group, nothing committed: every console
 * replica sees every event, and a console started later needs only what happens from then on; the page reads the
 * current state over REST) and hands each record to {@code sink} with its topic. Runs until {@link #stop()}.
 */
public final class TopicFeed implements Runnable {

    private final Consumer<String, byte[]> consumer;
    private final List<String> topics;
    private final BiConsumer<String, byte[]> sink;
    private volatile boolean running = true;
    private volatile boolean assigned;

    public TopicFeed(Consumer<String, byte[]> consumer, List<String> topics, BiConsumer<String, byte[]> sink) {
        this.consumer = consumer;
        this.topics = List.copyOf(topics);
        this.sink = sink;
    }

    @Override
    public void run() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now: nothing published from here on is missed
            assigned = true;
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    sink.accept(record.topic(), record.value());
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } finally {
            assigned = false;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /** Whether it reads every partition from its end now (readiness). */
    public boolean assigned() {
        return assigned;
    }

    public void stop() {
        running = false;
        consumer.wakeup();
    }
}
