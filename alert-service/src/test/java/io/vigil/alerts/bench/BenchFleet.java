package io.vigil.alerts.bench;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.heartbeat.HeartbeatReceived;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Heartbeats for a fleet, as the gateway would produce them: computer i beats at phase i mod I, every I; 1% of the
 * computers fall silent at a random time in [I, 2I) after the start.
 */
final class BenchFleet implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final long base;
    private final int computers;
    private final long interval;
    private final long[] silentAt;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running;
    private long started;
    private long stopped;
    private Thread thread;

    BenchFleet(String bootstrap, long base, int computers, long interval) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.base = base;
        this.computers = computers;
        this.interval = interval;
        this.silentAt = new long[computers];
        Random random = new Random(42);
        for (int i = 0; i < computers; i++) {
            silentAt[i] = random.nextInt(100) == 0 ? interval + (long) (random.nextDouble() * interval) : Long.MAX_VALUE;
        }
    }

    void start() {
        running = true;
        started = System.currentTimeMillis();
        thread = Thread.ofPlatform().name("bench-fleet").start(this::run);
    }

    private void run() {
        long tick = interval / 1000;
        long second = 0;
        while (running) {
            long due = started + second * 1000;
            LockSupport.parkNanos(Math.max(0, due - System.currentTimeMillis()) * 1_000_000);
            long elapsed = second * 1000;
            for (int i = (int) (second % tick); i < computers; i += (int) tick) {
                if (elapsed < silentAt[i]) {
                    beat(base + i);
                }
            }
            second++;
        }
    }

    private void beat(long id) {
        HeartbeatReceived heartbeat = new HeartbeatReceived(id, Instant.now(), Instant.now().toString(), "20.0.1",
                "Online", "sha256:bench", Map.of(), "10.0.0.1", "TLSv1.3", "TLS_AES_128_GCM_SHA256", 1L, 4118,
                List.of(), List.of(), false);
        String key = Long.toString(id);
        producer.send(new ProducerRecord<>(Topics.HEARTBEATS, key, EventJson.toBytes(CloudEvents.create(
                "/bench", EventTypes.HEARTBEAT_RECEIVED, key, heartbeat))), (metadata, error) -> {
                    if (error != null) {
                        failed.incrementAndGet();
                    }
                });
        sent.incrementAndGet();
    }

    boolean isSilent(long id) {
        long i = id - base;
        return i >= 0 && i < computers && silentAt[(int) i] != Long.MAX_VALUE;
    }

    int silent() {
        int count = 0;
        for (long at : silentAt) {
            if (at != Long.MAX_VALUE) {
                count++;
            }
        }
        return count;
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    long elapsedMillis() {
        return (stopped == 0 ? System.currentTimeMillis() : stopped) - started;
    }

    void stop() throws InterruptedException {
        running = false;
        thread.join();
        producer.flush();
        stopped = System.currentTimeMillis();
    }

    @Override
    public void close() {
        running = false;
        producer.close();
    }
}
