package io.vigil.registry.configuration;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.vigil.events.EventJson;
import io.vigil.events.config.ConfigurationSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The published documents by fingerprint and each computer's expected configuration with its sources. */
@ApplicationScoped
public class ConfigurationStore {

    /** A computer's latest published configuration. */
    public record Expected(long computerID, String fingerprint, long policyID,
                           Map<String, ConfigurationSource> sources) {
    }

    /** One record of the topic, ready to store; {@code document} null for a tombstone. */
    public record Published(long computerID, String fingerprint, String document, long policyID,
                            Map<String, ConfigurationSource> sources, long atMs) {
    }

    private static final TypeReference<Map<String, ConfigurationSource>> SOURCES = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;

    public ConfigurationStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a batch in one transaction: documents are kept once, expected configurations replaced or removed. */
    public void store(List<Published> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement doc = c.prepareStatement("INSERT INTO configuration_document (fingerprint, "
                    + "document, first_seen_ms) VALUES (?,?,?) ON CONFLICT (fingerprint) DO NOTHING");
                 PreparedStatement expected = c.prepareStatement("INSERT INTO expected_configuration (computer_id, "
                         + "fingerprint, policy_id, sources, changed_at_ms) VALUES (?,?,?,?,?) ON CONFLICT "
                         + "(computer_id) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, policy_id = "
                         + "EXCLUDED.policy_id, sources = EXCLUDED.sources, changed_at_ms = EXCLUDED.changed_at_ms");
                 PreparedStatement removed = c.prepareStatement(
                         "DELETE FROM expected_configuration WHERE computer_id = ?")) {
                for (Published p : batch) {
                    if (p.document() == null) {
                        removed.setLong(1, p.computerID());
                        removed.executeUpdate();
                        continue;
                    }
                    doc.setString(1, p.fingerprint());
                    doc.setString(2, p.document());
                    doc.setLong(3, p.atMs());
                    doc.executeUpdate();
                    expected.setLong(1, p.computerID());
                    expected.setString(2, p.fingerprint());
                    expected.setLong(3, p.policyID());
                    expected.setString(4, EventJson.toJson(p.sources()));
                    expected.setLong(5, p.atMs());
                    expected.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public Optional<JsonNode> document(String fingerprint) throws SQLException {
        if (fingerprint == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT document FROM configuration_document WHERE fingerprint = ?")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(tree(rs.getString(1))) : Optional.empty();
            }
        }
    }

    public Optional<Expected> expected(long computerID) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT fingerprint, policy_id, sources FROM "
                     + "expected_configuration WHERE computer_id = ?")) {
            ps.setLong(1, computerID);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Expected(computerID, rs.getString(1), rs.getLong(2),
                        EventJson.mapper().readValue(rs.getString(3), SOURCES)));
            }
        } catch (IOException e) {
            throw new SQLException("unreadable sources of computer " + computerID, e);
        }
    }

    private static JsonNode tree(String json) throws SQLException {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new SQLException("unreadable configuration document", e);
        }
    }
}
