package io.vigil.registry.outbox;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaConnection;
import io.vigil.kafka.KafkaFailures;
import io.vigil.registry.config.RegistryConfig;
import io.vigil.registry.kafka.KafkaClients;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Relays outbox rows to Kafka in id order and deletes them once Kafka acknowledged them, all under a transaction-level
 * advisory lock so that one replica at a time relays (order per key is kept). A crash between the send and the
 * delete republishes the same bytes, with the same CloudEvents id: at least once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long LOCK_KEY = 0x76696769_6c4f5554L;

    private final AgroalDataSource dataSource;
    private final RegistryConfig config;
    private final KafkaClientFactory kafka;
    private final KafkaFailures failures;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private KafkaProducer<String, byte[]> producer;

    public OutboxRelay(AgroalDataSource dataSource, RegistryConfig config, KafkaClientFactory kafka,
                       KafkaConnection failures) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
        this.failures = failures;
    }

    void onStart(@Observes StartupEvent event) {
        producer = KafkaClients.producer(kafka, "agent-registry-outbox");
        running = true;
        thread = Thread.ofPlatform().name("registry-outbox-relay").daemon().start(this::loop);
    }

    void onStop(@Observes ShutdownEvent event) {
        running = false;
        wake();
        try {
            if (thread != null) {
                thread.join(Duration.ofSeconds(10));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look now (called after a commit that wrote to the outbox). */
    public void wake() {
        wakeUps.release();
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.tryAcquire(config.outbox().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                while (running && relayBatch() == config.outbox().batchSize()) {
                    LOG.debug("outbox: more to relay");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // refused credentials or ACLs: reported once with the setting to fix, held until the check passes
                if (!failures.failed("agent-registry-outbox", e, () -> running)) {
                    return;
                }
                LOG.warnf("outbox relay failed, retrying: %s", e.getMessage());
            }
        }
    }

    /** Relays one batch; returns how many rows it relayed. */
    int relayBatch() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int relayed = relay(c);
                c.commit();
                return relayed;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private int relay(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0;
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<RecordMetadata>> sends = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT id, topic, record_key, payload FROM outbox ORDER BY id LIMIT ?")) {
            ps.setInt(1, config.outbox().batchSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    sends.add(producer.send(new ProducerRecord<>(rs.getString(2), rs.getString(3), rs.getBytes(4))));
                }
            }
        }
        for (Future<RecordMetadata> send : sends) {
            send.get(30, TimeUnit.SECONDS);
        }
        delete(c, ids);
        return ids.size();
    }

    private static void delete(Connection c, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        }
    }
}
