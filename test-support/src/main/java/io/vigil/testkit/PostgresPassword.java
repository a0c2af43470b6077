package io.vigil.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded server's superuser password: {@code initdb} of the embedded binaries trusts every local connection, so
 * after start-up the superuser gets a password and {@code pg_hba.conf} requires it (scram-sha-256) for every
 * connection, then the configuration is reloaded. A persistent data directory keeps its password in a file beside it
 * ({@code postgres-password}, mode 0600), so a restart finds the same one.
 */
final class PostgresPassword {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    static final String HBA = """
            # written by io.vigil.testkit: every connection needs the password
            local all all scram-sha-256
            host all all 127.0.0.1/32 scram-sha-256
            host all all ::1/128 scram-sha-256
            """;

    private PostgresPassword() {
    }

    /** The password of the server whose data directory is {@code dataDir}: kept beside it, or a fresh one. */
    static String of(Path dataDir) {
        Path file = dataDir.resolveSibling("postgres-password");
        try {
            if (Files.isRegularFile(file)) {
                String kept = Files.readString(file, StandardCharsets.US_ASCII).strip();
                if (kept.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0) && kept.length() >= 16) {
                    return kept;
                }
            }
            String password = generate();
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the PostgreSQL password in " + file, e);
        }
    }

    static String generate() {
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Sets the superuser's password and makes every connection of the running server require it. */
    static void require(int port, Path dataDir, String password) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", password); Statement s = c.createStatement()) {
            s.execute("ALTER ROLE postgres PASSWORD '" + password + "'");
            Files.writeString(dataDir.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the PostgreSQL password: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve("pg_hba.conf"), e);
        }
    }
}
