package io.vigil.registry.outbox;

import io.agroal.api.AgroalDataSource;
import io.vigil.events.EventJson;
import io.vigil.events.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The transactional outbox: an event is written in the same database transaction as the change it announces and
 * relayed to Kafka by {@link OutboxRelay} after the commit (woken at once, and by its poll after a crash).
 */
@ApplicationScoped
public class Outbox {

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
    }

    /** Must be called inside a transaction. */
    public void add(String topic, String key, CloudEvent<?> event) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO outbox (topic, record_key, payload) VALUES (?, ?, ?)")) {
            ps.setString(1, topic);
            ps.setString(2, key);
            ps.setBytes(3, EventJson.toBytes(event));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write to the outbox", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
