package io.vigil.registry.token;

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

/** {@code activation_token} rows. Callers hold the transaction. */
@ApplicationScoped
public class TokenRepository {

    private static final String COLUMNS = "id, token_sha256, policy_id, expires_at_ms, max_uses, uses, "
            + "on_duplicate_host_name, created_at_ms";

    private final AgroalDataSource dataSource;

    public TokenRepository(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ActivationToken insert(String sha256, TokenRequest request, long nowMs) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("INSERT INTO activation_token (token_sha256, policy_id, "
                     + "expires_at_ms, max_uses, on_duplicate_host_name, created_at_ms) VALUES (?,?,?,?,?,?) "
                     + "RETURNING " + COLUMNS)) {
            ps.setString(1, sha256);
            ps.setLong(2, request.policyID());
            ps.setLong(3, nowMs + request.expiresInSeconds() * 1000);
            if (request.maxUses() == null) {
                ps.setNull(4, Types.INTEGER);
            } else {
                ps.setInt(4, request.maxUses());
            }
            ps.setString(5, request.onDuplicateHostName().word());
            ps.setLong(6, nowMs);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return read(rs);
            }
        }
    }

    public List<ActivationToken> list(long after, int limit) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM activation_token WHERE id > ? ORDER BY id LIMIT ?")) {
            ps.setLong(1, after);
            ps.setInt(2, limit);
            List<ActivationToken> result = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(read(rs));
                }
            }
            return result;
        }
    }

    public Optional<ActivationToken> delete(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM activation_token WHERE id = ? RETURNING "
                     + COLUMNS)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    /** Locks the token row (FOR UPDATE) so that concurrent activations count its uses exactly. */
    public Optional<ActivationToken> findForUpdate(String sha256) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                     + " FROM activation_token WHERE token_sha256 = ? FOR UPDATE")) {
            ps.setString(1, sha256);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        }
    }

    public void countUse(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE activation_token SET uses = uses + 1 WHERE id = ?")) {
            ps.setLong(1, id);
            ps.executeUpdate();
        }
    }

    private static ActivationToken read(ResultSet rs) throws SQLException {
        int maxUses = rs.getInt(5);
        Integer max = rs.wasNull() ? null : maxUses;
        return new ActivationToken(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4), max, rs.getInt(6),
                DuplicateRule.of(rs.getString(7)), rs.getLong(8));
    }
}
