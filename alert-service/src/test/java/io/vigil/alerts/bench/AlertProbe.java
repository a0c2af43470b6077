package io.vigil.alerts.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.alerts.engine.DeadlineEngine;
import io.vigil.alerts.engine.EngineRunner;
import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.function.LongPredicate;

/** Watches {@code vigil.alerts} for the fleet's offline alerts (delay from deadline to arrival) and samples gauges. */
final class AlertProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final Queue<Long> delays = new ConcurrentLinkedQueue<>();
    private final Queue<Long> alerted = new ConcurrentLinkedQueue<>();
    private final long base;
    private final int computers;
    private final EngineRunner runner;
    private volatile boolean running = true;
    private volatile long maxHoldBack;
    private volatile long maxLag;
    private final Thread thread;

    AlertProbe(String bootstrap, long base, int computers, EngineRunner runner) {
        this.base = base;
        this.computers = computers;
        this.runner = runner;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.ALERTS).stream()
                .map(p -> new TopicPartition(Topics.ALERTS, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        thread = Thread.ofPlatform().name("bench-alert-probe").start(this::run);
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.currentTimeMillis();
                    JsonNode event = AlertDetectionBenchmark.json(record.value());
                    JsonNode data = event.get("data");
                    long id = data.path("computerID").asLong(-1);
                    if ("vigil.alert.raised.v1".equals(event.path("type").asText())
                            && "agent-offline".equals(data.path("alertType").asText())
                            && id >= base && id < base + computers) {
                        delays.add(now - data.at("/details/deadline").asLong());
                        alerted.add(id);
                    }
                }
                DeadlineEngine engine = runner.engine();
                if (engine != null) {
                    maxHoldBack = Math.max(maxHoldBack, engine.gauges().holdBackMillis());
                    maxLag = Math.max(maxLag, engine.gauges().lag());
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    int offlineAlerts() {
        return alerted.size();
    }

    List<Long> delays() {
        return List.copyOf(delays);
    }

    long falseAlerts(LongPredicate silent) {
        return alerted.stream().filter(id -> !silent.test(id)).distinct().count();
    }

    /** Computers with more than one offline alert raised (each silence here should raise exactly one). */
    long alertedTwice() {
        return alerted.stream().collect(Collectors.groupingBy(id -> id, Collectors.counting())).values().stream()
                .filter(n -> n > 1).count();
    }

    long maxHoldBack() {
        return maxHoldBack;
    }

    long maxLag() {
        return maxLag;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
