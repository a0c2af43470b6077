package io.vigil.registry.status;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.registry.kafka.KafkaClients;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.PostgresServer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: measures heartbeats per second consumed by the status engine through the real Kafka and PostgreSQL
 * (the project's own test infrastructure). Phase 1 drains a backlog (capacity); phase 2 produces at a fixed rate
 * while the engine runs (sustained rate and the lag left at the end). Payloads are serialised once per computer so
 * that the load generator, which shares the 2 cores with Kafka, PostgreSQL and the engine, costs little; the engine
 * takes the receive time from the record timestamp (LogAppendTime) anyway.
 * <p>Run: {@code ./mvnw -pl agent-registry -Pbench test-compile exec:java [-Dexec.args="computers backlog rate secs"]}
 */
public final class RegistryHeartbeatBenchmark {

    public static void main(String[] args) throws Exception {
        int computers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int backlog = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 12_000;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Infrastructure infra = Infrastructure.shared();
        String db = "registry_bench";
        PostgresServer pg = infra.postgres().ensureDatabase(db);
        Flyway.configure().dataSource(pg.jdbcUrl(db), pg.user(), pg.password()).load().migrate();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(pg.jdbcUrl(db) + "?reWriteBatchedInserts=true");
        ds.setUser(pg.user());
        ds.setPassword(pg.password());
        String bootstrap = infra.bootstrapServers();

        byte[][] heartbeats = new byte[computers + 1][];
        for (int id = 1; id <= computers; id++) {
            heartbeats[id] = heartbeat(id);
        }
        try (KafkaProducer<String, byte[]> load = loadProducer(bootstrap)) {
            for (long id = 1; id <= computers; id++) {
                load.send(new ProducerRecord<>(Topics.COMPUTERS, Long.toString(id), registration(id)));
            }
            long start = System.nanoTime();
            for (int i = 0; i < backlog; i++) {
                long id = 1 + (i % computers);
                load.send(new ProducerRecord<>(Topics.HEARTBEATS, Long.toString(id), heartbeats[(int) id]));
            }
            load.flush();
            System.out.printf("produced backlog: %d heartbeats for %d computers at %.0f/s%n", backlog, computers,
                    backlog / secondsSince(start));

            long heapBefore = usedHeap();
            Counting metrics = new Counting();
            KafkaClientFactory kafka = new KafkaClientFactory(Map.of("bootstrap.servers", bootstrap));
            KafkaProducer<String, byte[]> statusProducer = KafkaClients.producer(kafka, "bench-status");
            StatusEngine engine = new StatusEngine(KafkaClients.statusConsumer(kafka, "agent-registry-status",
                    "bench-" + System.nanoTime(), 5000), new StatusPublisher(statusProducer), new JdbcStateStore(ds),
                    ListeningPortSink.NONE, metrics, Duration.ofMillis(500), kafka.tracing());
            Thread thread = Thread.ofPlatform().name("bench-engine").start(engine);
            long drainStart = System.nanoTime();
            while (metrics.heartbeats.get() < backlog) {
                Thread.sleep(50);
            }
            double drain = secondsSince(drainStart);
            System.out.printf("phase 1 (backlog): consumed %d heartbeats in %.1f s = %.0f heartbeats/s "
                            + "(includes start-up and group join); %d flushes, avg batch %.0f computers, "
                            + "avg flush %.0f ms, %d transitions%n", backlog, drain, backlog / drain,
                    metrics.flushes.get(), metrics.avgBatch(), metrics.avgFlushMs(), metrics.transitions.get());
            System.out.printf("heap held by the engine (consumer buffers included) after phase 1: about %d bytes "
                    + "per computer%n", (usedHeap() - heapBefore) / computers);

            long before = metrics.heartbeats.get();
            long liveStart = System.nanoTime();
            long sent = 0;
            for (int s = 0; s < seconds * 10; s++) {
                long tickStart = System.nanoTime();
                for (int i = 0; i < rate / 10; i++, sent++) {
                    long id = 1 + (sent % computers);
                    load.send(new ProducerRecord<>(Topics.HEARTBEATS, Long.toString(id), heartbeats[(int) id]));
                }
                long sleep = 100 - (System.nanoTime() - tickStart) / 1_000_000;
                if (sleep > 0) {
                    Thread.sleep(sleep);
                }
            }
            load.flush();
            double live = secondsSince(liveStart);
            long consumedLive = metrics.heartbeats.get() - before;
            System.out.printf("phase 2 (live): produced %d at %.0f/s, consumed %d in the same %.1f s = %.0f/s, "
                    + "heartbeat lag at the end %d%n", sent, sent / live, consumedLive, live, consumedLive / live,
                    metrics.heartbeatLag.get());
            engine.stop();
            thread.join();
            statusProducer.close();
        }
        System.exit(0);
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double secondsSince(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static KafkaProducer<String, byte[]> loadProducer(String bootstrap) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "1", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024, ProducerConfig.BUFFER_MEMORY_CONFIG, 256L << 20),
                new StringSerializer(), new ByteArraySerializer());
    }

    private static byte[] registration(long id) {
        return EventJson.toBytes(CloudEvents.create("/bench", EventTypes.COMPUTER_REGISTERED, Long.toString(id),
                new ComputerRegistration(id, "bench-" + id, "Linux", "20.0.1-3445", "20", "physical", 1,
                        "10.0.0.1", 4118, "running", "activated", "01", null, Instant.now())));
    }

    /** A well-formed fingerprint: the engine dead-letters heartbeats with another form. */
    private static final String FINGERPRINT = "sha256:" + "a".repeat(64);

    private static byte[] heartbeat(long id) {
        return EventJson.toBytes(CloudEvents.create("/bench", EventTypes.HEARTBEAT_RECEIVED, Long.toString(id),
                new HeartbeatReceived(id, Instant.now(), "2026-11-25T10:00:00.123Z", "20.0.1-3445", "Online",
                        FINGERPRINT, Map.of("eventsDropped", 0L), "10.0.0.1", "TLSv1.3", "TLS_AES_128_GCM_SHA256",
                        1000L, 4118, List.of(), List.of(), false)));
    }

    /** Counts what the engine reports. */
    static final class Counting implements EngineMetrics {
        final AtomicLong heartbeats = new AtomicLong();
        final AtomicLong flushes = new AtomicLong();
        final AtomicLong rows = new AtomicLong();
        final AtomicLong flushNanos = new AtomicLong();
        final AtomicLong transitions = new AtomicLong();
        final AtomicLong heartbeatLag = new AtomicLong();

        @Override
        public void consumed(String topic, int records) {
            if (Topics.HEARTBEATS.equals(topic)) {
                heartbeats.addAndGet(records);
            }
        }

        @Override
        public void flushed(int computers, int transitionCount, long nanos) {
            flushes.incrementAndGet();
            rows.addAndGet(computers);
            flushNanos.addAndGet(nanos);
            transitions.addAndGet(transitionCount);
        }

        @Override
        public void lag(String topic, long records) {
            if (Topics.HEARTBEATS.equals(topic)) {
                heartbeatLag.set(records);
            }
        }

        @Override
        public void deadLettered(String topic) {
        }

        double avgBatch() {
            return flushes.get() == 0 ? 0 : (double) rows.get() / flushes.get();
        }

        double avgFlushMs() {
            return flushes.get() == 0 ? 0 : flushNanos.get() / 1e6 / flushes.get();
        }
    }
}
