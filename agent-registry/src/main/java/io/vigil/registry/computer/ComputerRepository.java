package io.vigil.registry.computer;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code computer} rows, and their joined runtime state for reading. Callers hold the transaction for writes. */
@ApplicationScoped
public class ComputerRepository {

    /** A computer with what the status engine knows about it. */
    public record Joined(ComputerRow computer, RuntimeRow runtime) {
    }

    static final String COLUMNS = "c.id, c.host_name, c.platform, c.agent_version, c.agent_release, "
            + "c.computer_type, c.policy_id, c.agent_address, c.listening_port, c.vm_state, c.state, "
            + "c.certificate_serial, c.certificate_expires_at_ms, c.activated_at_ms, c.changed_at_ms";
    static final String RUNTIME = "s.last_heartbeat_ms, s.last_ip, s.driver_status, s.agent_version, s.counters, "
            + "s.tls_protocol, s.tls_cipher_suite, s.reported_fp, s.expected_fp, s.offline, s.missed_heartbeats, "
            + "s.contact_reason, s.last_operation";
    public static final String STATUS_SQL = "CASE WHEN c.state = 'deactivated' THEN 'inactive' "
            + "WHEN c.vm_state = 'stopped' THEN 'vm-stopped' WHEN coalesce(s.offline, false) THEN 'offline' "
            + "ELSE 'active' END";
    /** The configuration state of {@link ConfigurationState}, in SQL. */
    public static final String CONFIGURATION_SQL = "CASE WHEN s.reported_fp IS NULL OR s.expected_fp IS NULL THEN 'unknown' "
            + "WHEN s.reported_fp = s.expected_fp THEN 'up-to-date' ELSE 'out-of-date' END";
    public static final String VERSION_SQL = "coalesce(s.agent_version, c.agent_version)";
    private static final String JOINED = "SELECT " + COLUMNS + ", " + RUNTIME
            + " FROM computer c LEFT JOIN computer_state s ON s.computer_id = c.id";

    private final AgroalDataSource dataSource;

    public ComputerRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Serialises computer creation: IDs are taken and committed in order, so paging by ID never skips a computer
     * that commits late. Transaction-scoped.
     */
    public void lockCreation() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(7368801)")) {
            ps.execute();
        }
    }

    public long nextId() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT nextval('computer_id_seq')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public void insert(ComputerRow r) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO computer (id, host_name, platform, "
                     + "agent_version, agent_release, computer_type, policy_id, agent_address, listening_port, "
                     + "vm_state, state, certificate_serial, certificate_expires_at_ms, activated_at_ms, "
                     + "changed_at_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setLong(1, r.id());
            bindRest(ps, r, 2);
            ps.executeUpdate();
        }
    }

    public void update(ComputerRow r) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE computer SET host_name = ?, platform = ?, "
                     + "agent_version = ?, agent_release = ?, computer_type = ?, policy_id = ?, agent_address = ?, "
                     + "listening_port = ?, vm_state = ?, state = ?, certificate_serial = ?, "
                     + "certificate_expires_at_ms = ?, activated_at_ms = ?, changed_at_ms = ? WHERE id = ?")) {
            bindRest(ps, r, 1);
            ps.setLong(15, r.id());
            ps.executeUpdate();
        }
    }

    public Optional<ComputerRow> findForUpdate(long id) throws SQLException {
        return one("SELECT " + COLUMNS + " FROM computer c WHERE c.id = ? FOR UPDATE", id);
    }

    /** The most recent active computer with this host name (case-insensitive), locked. */
    public Optional<ComputerRow> findActiveByHostName(String hostName) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM computer c WHERE "
                     + "lower(c.host_name) = lower(?) AND c.state = 'activated' ORDER BY c.id DESC LIMIT 1 "
                     + "FOR UPDATE")) {
            ps.setString(1, hostName);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readComputer(rs)) : Optional.empty();
            }
        }
    }

    public Optional<Joined> find(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(JOINED + " WHERE c.id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readJoined(rs)) : Optional.empty();
            }
        }
    }

    /** Keyset page in ascending ID order with optional filters. */
    public List<Joined> list(ComputerFilter f) throws SQLException {
        StringBuilder sql = new StringBuilder(JOINED).append(" WHERE c.id > ?");
        List<Object> args = new ArrayList<>();
        args.add(f.after());
        if (f.status() != null) {
            sql.append(" AND ").append(STATUS_SQL).append(" = ?");
            args.add(f.status());
        }
        if (f.policyID() != null) {
            sql.append(" AND c.policy_id = ?");
            args.add(f.policyID());
        }
        if (f.hostNamePrefix() != null) {
            sql.append(" AND lower(c.host_name) LIKE ? ESCAPE '\\'");
            args.add(likePrefix(f.hostNamePrefix()));
        }
        if (f.agentVersionPrefix() != null) {
            sql.append(" AND ").append(VERSION_SQL).append(" LIKE ? ESCAPE '\\'");
            args.add(escapeLike(f.agentVersionPrefix()) + "%");
        }
        if (f.agentRelease() != null) {
            sql.append(" AND c.agent_release = ?");
            args.add(f.agentRelease());
        }
        if (f.configuration() != null) {
            sql.append(" AND c.state <> 'deactivated' AND ").append(CONFIGURATION_SQL).append(" = ?");
            args.add(f.configuration().toString());
        }
        sql.append(" ORDER BY c.id LIMIT ?");
        args.add(f.limit());
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Joined> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(readJoined(rs));
                }
            }
            return result;
        }
    }

    static String likePrefix(String prefix) {
        return escapeLike(prefix.toLowerCase()) + "%";
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Optional<ComputerRow> one(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(readComputer(rs)) : Optional.empty();
            }
        }
    }

    private static void bindRest(PreparedStatement ps, ComputerRow r, int i) throws SQLException {
        ps.setString(i, r.hostName());
        ps.setString(i + 1, r.platform());
        ps.setString(i + 2, r.agentVersion());
        ps.setString(i + 3, r.agentRelease());
        ps.setString(i + 4, r.computerType());
        ps.setLong(i + 5, r.policyID());
        ps.setString(i + 6, r.agentAddress());
        ps.setInt(i + 7, r.listeningPort());
        ps.setString(i + 8, r.vmState());
        ps.setString(i + 9, r.state());
        ps.setString(i + 10, r.certificateSerial());
        if (r.certificateExpiresAtMs() == null) {
            ps.setNull(i + 11, Types.BIGINT);
        } else {
            ps.setLong(i + 11, r.certificateExpiresAtMs());
        }
        ps.setLong(i + 12, r.activatedAtMs());
        ps.setLong(i + 13, r.changedAtMs());
    }

    private static ComputerRow readComputer(ResultSet rs) throws SQLException {
        long expires = rs.getLong(13);
        Long expiresAt = rs.wasNull() ? null : expires;
        return new ComputerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getLong(7), rs.getString(8), rs.getInt(9), rs.getString(10), rs.getString(11),
                rs.getString(12), expiresAt, rs.getLong(14), rs.getLong(15));
    }

    private static Joined readJoined(ResultSet rs) throws SQLException {
        ComputerRow computer = readComputer(rs);
        long last = rs.getLong(16);
        Long lastHeartbeat = rs.wasNull() ? null : last;
        RuntimeRow runtime = new RuntimeRow(lastHeartbeat, rs.getString(17), rs.getString(18), rs.getString(19),
                rs.getString(20), rs.getString(21), rs.getString(22), rs.getString(23), rs.getString(24),
                rs.getBoolean(25), rs.getInt(26), rs.getString(27), rs.getString(28));
        return new Joined(computer, runtime);
    }
}
