package io.vigil.registry.status;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The status engine's table ({@code computer_state}) and resume positions ({@code engine_offset}): a flush writes the
 * changed computers and the positions in one transaction, so the stored state always matches where reading resumes.
 */
public final class JdbcStateStore {

    private static final String COLUMNS = "computer_id, kafka_partition, host_name, registration, vm_state, "
            + "last_heartbeat_ms, last_ip, driver_status, agent_version, counters, tls_protocol, tls_cipher_suite, "
            + "reported_fp, expected_fp, offline, missed_heartbeats, liveness_last_ms, contact_reason, contact_at_ms, "
            + "last_operation, status, status_since_ms";
    /** One statement per batch: the rows travel as one array per column (much faster than batched inserts). */
    private static final String UPSERT = "INSERT INTO computer_state (" + COLUMNS + ") SELECT * FROM unnest("
            + "?::bigint[], ?::int[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], "
            + "?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::int[], ?::bigint[], "
            + "?::text[], ?::bigint[], ?::text[], ?::text[], ?::bigint[]) ON CONFLICT (computer_id) DO UPDATE SET "
            + "kafka_partition = EXCLUDED.kafka_partition, host_name = EXCLUDED.host_name, "
            + "registration = EXCLUDED.registration, vm_state = EXCLUDED.vm_state, "
            + "last_heartbeat_ms = EXCLUDED.last_heartbeat_ms, last_ip = EXCLUDED.last_ip, "
            + "driver_status = EXCLUDED.driver_status, agent_version = EXCLUDED.agent_version, "
            + "counters = EXCLUDED.counters, tls_protocol = EXCLUDED.tls_protocol, "
            + "tls_cipher_suite = EXCLUDED.tls_cipher_suite, reported_fp = EXCLUDED.reported_fp, "
            + "expected_fp = EXCLUDED.expected_fp, offline = EXCLUDED.offline, "
            + "missed_heartbeats = EXCLUDED.missed_heartbeats, liveness_last_ms = EXCLUDED.liveness_last_ms, "
            + "contact_reason = EXCLUDED.contact_reason, contact_at_ms = EXCLUDED.contact_at_ms, "
            + "last_operation = EXCLUDED.last_operation, status = EXCLUDED.status, "
            + "status_since_ms = EXCLUDED.status_since_ms";
    /** A partition's computers, with the registered listening port from {@code computer} (not part of the state). */
    private static final String LOAD = "SELECT s." + COLUMNS.replace(", ", ", s.") + ", c.listening_port "
            + "FROM computer_state s LEFT JOIN computer c ON c.id = s.computer_id WHERE s.kafka_partition = ?";
    private static final String POSITION = "INSERT INTO engine_offset (topic, partition, next_offset) VALUES (?,?,?) "
            + "ON CONFLICT (topic, partition) DO UPDATE SET next_offset = EXCLUDED.next_offset";

    private static final int CHUNK = 10_000;
    private static final String[] SQL_TYPES = {"bigint", "int4", "text", "text", "text", "bigint", "text", "text",
            "text", "text", "text", "text", "text", "text", "bool", "int4", "bigint", "text", "bigint", "text", "text",
            "bigint"};

    private final DataSource dataSource;

    public JdbcStateStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every stored computer of one partition, with its registered listening port. */
    public List<ComputerRuntime> load(int partition) throws SQLException {
        List<ComputerRuntime> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(LOAD)) {
            ps.setInt(1, partition);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(read(rs));
                }
            }
        }
        return result;
    }

    /** The stored resume positions of the given partitions. */
    public Map<Position, Long> positions(List<Position> wanted) throws SQLException {
        Map<Position, Long> result = new HashMap<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT next_offset FROM engine_offset WHERE topic = ? AND partition = ?")) {
            for (Position p : wanted) {
                ps.setString(1, p.topic());
                ps.setInt(2, p.partition());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        result.put(p, rs.getLong(1));
                    }
                }
            }
        }
        return result;
    }

    /** A computer whose row the database refused, with the database's reason. */
    public record Refused(long computerID, String reason) {
    }

    /**
     * Writes changed computers ({@link ComputerRuntime#snapshot()}s) and positions atomically. Should the database
     * refuse the batch for its data (SQLSTATE class 22 or 23), the rows are written one by one instead and only
     * those it refuses are left out, so that one computer's values never stop the others (and the positions).
     *
     * @return the computers whose rows were refused (normally none)
     */
    public List<Refused> write(List<Object[]> changed, Map<Position, Long> positions) throws SQLException {
        try {
            return write(changed, positions, false);
        } catch (SQLException e) {
            if (!refusedForItsData(e)) {
                throw e;
            }
            return write(changed, positions, true);
        }
    }

    private List<Refused> write(List<Object[]> changed, Map<Position, Long> positions, boolean rowByRow)
            throws SQLException {
        List<Refused> refused = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (rowByRow) {
                    refused.addAll(upsertEach(c, changed));
                } else {
                    for (int from = 0; from < changed.size(); from += CHUNK) {
                        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                            bind(c, ps, changed.subList(from, Math.min(changed.size(), from + CHUNK)));
                            ps.executeUpdate();
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(POSITION)) {
                    for (Map.Entry<Position, Long> e : positions.entrySet()) {
                        ps.setString(1, e.getKey().topic());
                        ps.setInt(2, e.getKey().partition());
                        ps.setLong(3, e.getValue());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        return refused;
    }

    /** Each row under its own savepoint: a refused row is rolled back alone. */
    private static List<Refused> upsertEach(Connection c, List<Object[]> rows) throws SQLException {
        List<Refused> refused = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
            for (Object[] row : rows) {
                Savepoint before = c.setSavepoint();
                try {
                    bind(c, ps, List.<Object[]>of(row));
                    ps.executeUpdate();
                    c.releaseSavepoint(before);
                } catch (SQLException e) {
                    if (!refusedForItsData(e)) {
                        throw e;
                    }
                    c.rollback(before);
                    refused.add(new Refused((Long) row[0], e.getMessage()));
                }
            }
        }
        return refused;
    }

    /** Data exceptions (22xxx, e.g. a NUL in text) and integrity violations (23xxx): the values, not the database. */
    static boolean refusedForItsData(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("22") || state.startsWith("23"));
    }

    private static void bind(Connection c, PreparedStatement ps, List<Object[]> rows) throws SQLException {
        int n = rows.size();
        Object[][] cols = new Object[SQL_TYPES.length][n];
        for (int i = 0; i < n; i++) {
            Object[] values = rows.get(i);
            for (int col = 0; col < values.length; col++) {
                cols[col][i] = values[col];
            }
        }
        for (int col = 0; col < cols.length; col++) {
            ps.setArray(col + 1, c.createArrayOf(SQL_TYPES[col], cols[col]));
        }
    }

    private static ComputerRuntime read(ResultSet rs) throws SQLException {
        ComputerRuntime rt = new ComputerRuntime(rs.getLong(1), rs.getInt(2));
        rt.hostName = rs.getString(3);
        rt.registration = rs.getString(4);
        rt.vmState = rs.getString(5);
        rt.lastHeartbeatMs = getLong(rs, 6);
        rt.lastIp = rs.getString(7);
        rt.driverStatus = rs.getString(8);
        rt.agentVersion = rs.getString(9);
        rt.counters = rs.getString(10);
        rt.tlsProtocol = rs.getString(11);
        rt.tlsCipherSuite = rs.getString(12);
        rt.reportedFingerprint = rs.getString(13);
        rt.expectedFingerprint = rs.getString(14);
        rt.offline = rs.getBoolean(15);
        rt.missedHeartbeats = rs.getInt(16);
        rt.livenessLastHeartbeatMs = getLong(rs, 17);
        rt.contactReason = rs.getString(18);
        rt.contactAtMs = getLong(rs, 19);
        rt.lastOperation = rs.getString(20);
        rt.status = rs.getString(21);
        rt.statusSinceMs = getLong(rs, 22);
        rt.listeningPort = rs.getInt(23);
        return rt;
    }

    private static Long getLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }
}
