package io.vigil.registry.computer;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.vigil.registry.status.StatusRules;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fleet by status for dashboards: {@code vigil_registry_computers{status}} (active, offline, vm-stopped,
 * inactive, as {@code GET /api/computers} reports them) and {@code vigil_registry_computers_out_of_date} (activated
 * computers whose reported configuration fingerprint is not the expected one). Counted in the database, which every
 * replica shares, every {@code vigil.registry.fleet-gauges-refresh} (15 s); a failed count keeps the last values.
 */
@ApplicationScoped
public class FleetGauges {

    private static final Logger LOG = Logger.getLogger(FleetGauges.class);
    private static final String COUNT = "SELECT " + ComputerRepository.STATUS_SQL + " AS status, "
            + "count(*) FILTER (WHERE c.state <> 'deactivated' AND s.reported_fp IS NOT NULL "
            + "AND s.expected_fp IS NOT NULL AND s.reported_fp <> s.expected_fp) AS out_of_date, count(*) AS total "
            + "FROM computer c LEFT JOIN computer_state s ON s.computer_id = c.id GROUP BY 1";

    private final AgroalDataSource dataSource;
    private final Map<String, AtomicLong> byStatus = new HashMap<>();
    private final AtomicLong outOfDate = new AtomicLong();

    public FleetGauges(AgroalDataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        for (String status : StatusRules.ALL) {
            AtomicLong count = new AtomicLong();
            byStatus.put(status, count);
            Gauge.builder("vigil.registry.computers", count, AtomicLong::get).tag("status", status)
                    .description("computers by status (counted in the database)").register(meters);
        }
        Gauge.builder("vigil.registry.computers.out.of.date", outOfDate, AtomicLong::get)
                .description("activated computers whose reported configuration is not the expected one")
                .register(meters);
    }

    @Scheduled(every = "${vigil.registry.fleet-gauges-refresh:15s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(COUNT);
             ResultSet rs = ps.executeQuery()) {
            Map<String, Long> counted = new HashMap<>();
            long stale = 0;
            while (rs.next()) {
                counted.put(rs.getString("status"), rs.getLong("total"));
                stale += rs.getLong("out_of_date");
            }
            byStatus.forEach((status, value) -> value.set(counted.getOrDefault(status, 0L)));
            outOfDate.set(stale);
        } catch (SQLException e) {
            LOG.warnf("fleet gauges not refreshed: %s", e.getMessage());
        }
    }
}
