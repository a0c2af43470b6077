package io.vigil.alerts.alert;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open alerts for dashboards and alert rules: {@code vigil_alerts_open{type}}, the alerts active now by type, counted
 * in the database every replica shares, every {@code vigil.alerts.open-gauges-refresh} (15 s). A failed count keeps
 * the last values.
 */
@ApplicationScoped
public class OpenAlertGauges {

    private static final Logger LOG = Logger.getLogger(OpenAlertGauges.class);

    private final Map<AlertType, AtomicLong> open = new EnumMap<>(AlertType.class);

    public OpenAlertGauges(MeterRegistry meters) {
        for (AlertType type : AlertType.values()) {
            AtomicLong count = new AtomicLong();
            open.put(type, count);
            Gauge.builder("vigil.alerts.open", count, AtomicLong::get).tag("type", type.id())
                    .description("alerts active now, by type (counted in the database)").register(meters);
        }
    }

    @Scheduled(every = "${vigil.alerts.open-gauges-refresh:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createSelectionQuery("select alertType, count(*) from AlertEntity where state = 'active' "
                                + "group by alertType", Object[].class)
                        .getResultList()))
                .invoke(this::apply)
                .onFailure().invoke(e -> LOG.warnf("open alert gauges not refreshed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void apply(List<Object[]> rows) {
        Map<AlertType, Long> counted = new EnumMap<>(AlertType.class);
        for (Object[] row : rows) {
            AlertType.fromId((String) row[0]).ifPresent(type -> counted.put(type, (Long) row[1]));
        }
        open.forEach((type, value) -> value.set(counted.getOrDefault(type, 0L)));
    }
}
