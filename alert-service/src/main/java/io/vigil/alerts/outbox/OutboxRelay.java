package io.vigil.alerts.outbox;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.vigil.alerts.AlertsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows in insertion order and deletes them once Kafka acknowledged them (at least once: a row
 * re-sent after a crash carries the same CloudEvents id, because the stored payload is the whole event).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final AlertsConfig config;
    private final KafkaProducer<String, byte[]> producer;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(AlertsConfig config, KafkaProducer<String, byte[]> producer) {
        this.config = config;
        this.producer = producer;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        thread = Thread.ofPlatform().name("alert-outbox-relay").daemon().start(this::run);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        nudge();
        if (thread != null) {
            thread.interrupt();
        }
    }

    /** Called after an outbox row was written: publish soon rather than at the next poll. */
    public void nudge() {
        wake.release();
    }

    private void run() {
        while (running) {
            try {
                wake.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                while (running && relayBatch() == BATCH) {
                    Thread.onSpinWait();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("outbox relay failed, retrying: %s", e.getMessage());
            }
        }
    }

    private int relayBatch() throws InterruptedException {
        List<OutboxEntity> rows;
        try {
            rows = VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(
                    () -> OutboxEntity.<OutboxEntity>find("order by id").page(0, BATCH).list()));
        } catch (Throwable e) {
            throw new IllegalStateException("reading the outbox failed: " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            return 0;
        }
        List<Future<RecordMetadata>> sends = new ArrayList<>(rows.size());
        for (OutboxEntity row : rows) {
            sends.add(producer.send(new ProducerRecord<>(row.topic, row.recordKey,
                    row.payload.getBytes(StandardCharsets.UTF_8))));
        }
        try {
            for (Future<RecordMetadata> send : sends) {
                send.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge outbox events: " + e.getMessage(), e);
        }
        List<Long> ids = rows.stream().map(row -> row.id).toList();
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(
                    () -> OutboxEntity.delete("id in ?1", ids)));
        } catch (Throwable e) {
            throw new IllegalStateException("deleting relayed outbox rows failed: " + e.getMessage(), e);
        }
        return rows.size();
    }
}
