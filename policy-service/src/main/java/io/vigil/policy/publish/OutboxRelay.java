package io.vigil.policy.publish;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.List;
import java.util.concurrent.Executor;

/** Sends outbox records in order and deletes them once Kafka acknowledged them. */
@ApplicationScoped
public class OutboxRelay {

    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    KafkaSender sender;

    /** Sends everything in the outbox, batch by batch. */
    public Uni<Void> drain(int batchSize, Executor resume) {
        return sessions.withStatelessTransaction(session -> session
                        .createQuery("from OutboxMessage o order by o.id", OutboxMessage.class)
                        .setMaxResults(batchSize).getResultList())
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(false) : send(batch, resume)
                        .replaceWith(batch.size() == batchSize))
                .chain(more -> more ? drain(batchSize, resume) : Uni.createFrom().voidItem());
    }

    private Uni<Void> send(List<OutboxMessage> batch, Executor resume) {
        List<KafkaSender.Outgoing> records = batch.stream().map(m -> new KafkaSender.Outgoing(m.topic, m.recordKey,
                m.payload, m.reason, m.sourceTopic)).toList();
        List<Long> ids = batch.stream().map(m -> m.id).toList();
        return sender.sendAll(records, resume).chain(() -> sessions.withStatelessTransaction(session -> session
                .createMutationQuery("delete from OutboxMessage o where o.id in :ids").setParameter("ids", ids)
                .executeUpdate().replaceWithVoid()));
    }
}
