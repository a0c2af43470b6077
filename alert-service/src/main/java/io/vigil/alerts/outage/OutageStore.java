package io.vigil.alerts.outage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vigil.alerts.alert.AlertEntity;
import io.vigil.alerts.alert.AlertMapper;
import io.vigil.alerts.alert.AlertState;
import io.vigil.alerts.alert.AlertTransitions;
import io.vigil.alerts.alert.AlertType;
import io.vigil.alerts.outbox.OutboxRelay;
import io.vigil.events.EventTypes;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

/** The shared table of per-instance counts and the platform-outage alert itself. */
@ApplicationScoped
public class OutageStore {

    private final Pool pool;
    private final AlertTransitions transitions;
    private final OutboxRelay relay;

    public OutageStore(Pool pool, AlertTransitions transitions, OutboxRelay relay) {
        this.pool = pool;
        this.transitions = transitions;
        this.relay = relay;
    }

    /** Stores this instance's counts and returns the sum over every instance that reported within {@code fresh}. */
    public OutageRule.Fleet report(String instanceId, long tracked, long silent, long recentMisses, Duration fresh) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Row row = await(() -> pool.preparedQuery("""
                insert into outage_member (instance_id, tracked, silent, recent_miss, reported_at)
                values ($1, $2, $3, $4, $5)
                on conflict (instance_id) do update set tracked = excluded.tracked, silent = excluded.silent,
                    recent_miss = excluded.recent_miss, reported_at = excluded.reported_at""")
                .execute(Tuple.of(instanceId, tracked, silent, recentMisses, now))
                .chain(() -> pool.preparedQuery("""
                        select coalesce(sum(tracked), 0) as tracked, coalesce(sum(silent), 0) as silent,
                               coalesce(sum(recent_miss), 0) as misses
                        from outage_member where reported_at > $1""").execute(Tuple.of(now.minus(fresh))))
                .map(rows -> rows.iterator().next()));
        return new OutageRule.Fleet(row.getLong("tracked"), row.getLong("silent"), row.getLong("misses"));
    }

    public boolean activeOutage() {
        return await(() -> Panache.withSession(() -> AlertEntity.count("alertType = ?1 and state = 'active'",
                AlertType.PLATFORM_OUTAGE.id()))) > 0;
    }

    /** Raises the one platform-outage; true when it is active afterwards (raised here or by another instance). */
    public boolean raise(OutageRule.Fleet fleet) {
        ObjectNode details = AlertMapper.newDetails();
        details.put("trackedComputers", fleet.tracked());
        details.put("silentComputers", fleet.silent());
        details.put("firstMissesInWindow", fleet.recentFirstMisses());
        Instant now = Instant.now();
        try {
            await(() -> Panache.withTransaction(() -> transitions.raise(AlertType.PLATFORM_OUTAGE, null, null, now,
                    now.toEpochMilli(), details.toString(), 1)).invoke(relay::nudge));
        } catch (RuntimeException e) {
            // another instance raised it first (unique active index)
        }
        return activeOutage();
    }

    public void clear(OutageRule.Fleet fleet) {
        await(() -> Panache.withTransaction(() -> AlertEntity.<AlertEntity>find("alertType = ?1 and state = 'active'",
                AlertType.PLATFORM_OUTAGE.id()).firstResult().flatMap(alert -> {
                    if (alert == null) {
                        return Uni.createFrom().nullItem();
                    }
                    ObjectNode details = AlertMapper.details(alert);
                    details.put("silentComputersAtClear", fleet.silent());
                    alert.details = details.toString();
                    alert.state = AlertState.CLEARED.id();
                    alert.endedAt = Instant.now();
                    return transitions.changed(alert, EventTypes.ALERT_CLEARED, alert.endedAt);
                })).invoke(relay::nudge));
    }

    private static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Throwable e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
