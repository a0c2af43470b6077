package io.vigil.alerts.it;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.testkit.Infrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Plays gateway, registry and policy-service on the real Kafka: heartbeats, configurations, registrations. */
final class TestFleet implements AutoCloseable {

    private static final AtomicLong NEXT_ID = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

    private final KafkaProducer<String, byte[]> producer;
    private final ScheduledExecutorService beats = Executors.newScheduledThreadPool(1);
    private final AtomicLong failures = new AtomicLong();

    TestFleet() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    static long newComputerID() {
        return NEXT_ID.incrementAndGet();
    }

    void configure(long id, int intervalSeconds, Integer threshold, Long clockThreshold) {
        ComputerConfiguration config = new ComputerConfiguration(id, 1, Map.of(), null, "sha256:test",
                intervalSeconds, threshold, clockThreshold, false, Instant.now());
        send(Topics.COMPUTER_CONFIG, id, CloudEvents.create("/test", EventTypes.COMPUTER_CONFIGURATION,
                Long.toString(id), config));
    }

    void register(long id, String hostName) {
        registration(id, hostName, ComputerRegistration.ACTIVATED);
    }

    /**
     * Deactivates the computer: alert-service forgets it, so a test whose fleet ends silent leaves no silence behind
     * that a later test's platform-outage would have to recover from.
     */
    void deactivate(long id) {
        registration(id, "deactivated-" + id, ComputerRegistration.DEACTIVATED);
    }

    private void registration(long id, String hostName, String state) {
        ComputerRegistration registration = new ComputerRegistration(id, hostName, "Linux", "20.0.1", "20.0 LTS",
                "physical", 1, "10.0.0.1", 4118, "running", state, "01", null, Instant.now());
        send(Topics.COMPUTERS, id, CloudEvents.create("/test", EventTypes.COMPUTER_REGISTERED, Long.toString(id),
                registration));
    }

    /** Sends one heartbeat; returns its broker append time. */
    long heartbeat(long id, String agentTime) {
        return send(Topics.HEARTBEATS, id, heartbeatEvent(id, agentTime)).timestamp();
    }

    /** Sends one heartbeat carrying events 5004; returns its broker append time. */
    long heartbeat(long id, String agentTime, List<HeartbeatReceived.ClockChange> clockChanges) {
        return send(Topics.HEARTBEATS, id, heartbeatEvent(id, agentTime, clockChanges)).timestamp();
    }

    private static Object heartbeatEvent(long id, String agentTime) {
        return heartbeatEvent(id, agentTime, List.of());
    }

    private static Object heartbeatEvent(long id, String agentTime, List<HeartbeatReceived.ClockChange> changes) {
        HeartbeatReceived heartbeat = new HeartbeatReceived(id, Instant.now(), agentTime, "20.0.1", "Online",
                "sha256:test", Map.of(), "10.0.0.1", "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1L, 4118, changes,
                List.of(), false);
        return CloudEvents.create("/test", EventTypes.HEARTBEAT_RECEIVED, Long.toString(id), heartbeat);
    }

    long heartbeat(long id) {
        return heartbeat(id, Instant.now().toString());
    }

    /**
     * Sends one heartbeat of each computer at once (not one acknowledged after the other, which on a busy machine
     * can take longer than a 1-second interval for a fleet of them); returns their broker append times.
     */
    Map<Long, Long> heartbeats(List<Long> ids) {
        Map<Long, Future<RecordMetadata>> sent = new LinkedHashMap<>();
        for (long id : ids) {
            sent.put(id, producer.send(new ProducerRecord<>(Topics.HEARTBEATS, Long.toString(id),
                    EventJson.toBytes(heartbeatEvent(id, Instant.now().toString())))));
        }
        producer.flush();
        Map<Long, Long> appended = new HashMap<>();
        sent.forEach((id, metadata) -> {
            try {
                appended.put(id, metadata.get().timestamp());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return appended;
    }

    /** Keeps the computers beating every {@code periodMillis} until the returned handle is cancelled. */
    ScheduledFuture<?> keepBeating(List<Long> ids, long periodMillis) {
        return keepBeating(ids, 0, periodMillis);
    }

    /** Like {@link #keepBeating(List, long)}, the first heartbeats {@code startAfterMillis} from now. */
    ScheduledFuture<?> keepBeating(List<Long> ids, long startAfterMillis, long periodMillis) {
        return beats.scheduleWithFixedDelay(() -> {
            for (long id : ids) {
                producer.send(new ProducerRecord<>(Topics.HEARTBEATS, Long.toString(id),
                        EventJson.toBytes(heartbeatEvent(id, Instant.now().toString()))), (metadata, error) -> {
                            if (error != null) {
                                failures.incrementAndGet();
                            }
                        });
            }
            producer.flush();
        }, startAfterMillis, periodMillis, TimeUnit.MILLISECONDS);
    }

    /** Heartbeats of {@link #keepBeating} that Kafka did not accept. */
    long failures() {
        return failures.get();
    }

    private RecordMetadata send(String topic, long id, Object event) {
        try {
            return producer.send(new ProducerRecord<>(topic, Long.toString(id), EventJson.toBytes(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        beats.shutdownNow();
        producer.close();
    }
}
