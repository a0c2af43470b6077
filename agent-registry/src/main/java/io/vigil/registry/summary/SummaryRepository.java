package io.vigil.registry.summary;

import io.agroal.api.AgroalDataSource;
import io.vigil.registry.computer.ComputerRepository;
import io.vigil.registry.computer.ConfigurationState;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Counts the fleet in the database, grouped by everything the summary counts by (few distinct groups however large
 * the fleet), and folds the groups with {@link FleetSummary}.
 */
@ApplicationScoped
public class SummaryRepository {

    private static final String GROUPS = "SELECT " + ComputerRepository.STATUS_SQL + ", "
            + ComputerRepository.CONFIGURATION_SQL + ", c.agent_release, " + ComputerRepository.VERSION_SQL
            + ", s.tls_protocol, s.tls_cipher_suite, count(*) FROM computer c "
            + "LEFT JOIN computer_state s ON s.computer_id = c.id GROUP BY 1, 2, 3, 4, 5, 6";

    private final AgroalDataSource dataSource;

    public SummaryRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public FleetSummary.Counts count() throws SQLException {
        FleetSummary summary = new FleetSummary();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(GROUPS);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                summary.add(new FleetSummary.Group(rs.getString(1), state(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7)));
            }
        }
        return summary.counts();
    }

    private static ConfigurationState state(String word) {
        for (ConfigurationState state : ConfigurationState.values()) {
            if (state.toString().equals(word)) {
                return state;
            }
        }
        throw new IllegalStateException("unknown configuration state " + word);
    }
}
