package io.vigil.testkit.secured;

import io.vigil.testkit.PostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded PostgreSQL with TLS only: {@code ssl=on} with the {@link TestCa}'s server certificate, a
 * {@code pg_hba.conf} that rejects every connection without TLS and asks every role for its SCRAM password, a password
 * for the superuser, and one LOGIN role per service database that owns that database alone (CONNECT is revoked from
 * everyone else).
 */
public final class SecuredPostgres {

    /** The superuser; only the set-up uses it. */
    public static final String SUPERUSER = "postgres";

    private static final String HBA = """
            # Vigil secured mode: TLS and a SCRAM password for everyone, nothing in clear text
            hostnossl all all all reject
            hostssl all all 127.0.0.1/32 scram-sha-256
            hostssl all all ::1/128 scram-sha-256
            """;

    private final PostgresServer server;
    private final TestCa ca;
    private final Credentials credentials;

    private SecuredPostgres(PostgresServer server, TestCa ca, Credentials credentials) {
        this.server = server;
        this.ca = ca;
        this.credentials = credentials;
    }

    /** Starts the server on {@code port} with its data in {@code dataDir} (kept across restarts). */
    public static SecuredPostgres start(int port, Path dataDir, TestCa ca, Credentials credentials) {
        String superPassword = credentials.postgres(SUPERUSER);
        try {
            Path pwfile = Files.createTempFile("vigil-pg-", ".pw");
            Files.writeString(pwfile, superPassword + "\n");
            Files.setPosixFilePermissions(pwfile, PosixFilePermissions.fromString("rw-r--r--"));
            try {
                EmbeddedPostgres embedded = EmbeddedPostgres.builder().setPort(port)
                        .setDataDirectory(dataDir).setCleanDataDirectory(false)
                        .setLocaleConfig("pwfile", pwfile.toString())
                        .setLocaleConfig("auth-host", "scram-sha-256")
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("ssl", "on")
                        .setServerConfig("ssl_cert_file", "server.crt")
                        .setServerConfig("ssl_key_file", "server.key")
                        .setConnectConfig("password", superPassword)
                        .setConnectConfig("sslmode", "require")
                        .setDataDirectoryCustomizer(dir -> secure(dir, ca))
                        .start();
                PostgresServer server = PostgresServer.of(embedded, port, SUPERUSER, superPassword,
                        "?sslmode=verify-full&sslrootcert=" + ca.caCertificate());
                return new SecuredPostgres(server, ca, credentials);
            } finally {
                Files.deleteIfExists(pwfile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the secured PostgreSQL on port " + port, e);
        }
    }

    /** Writes the certificate, the key (owned by the server's user, mode 0600) and pg_hba.conf into the data dir. */
    private static void secure(File dataDir, TestCa ca) {
        try {
            Path dir = dataDir.toPath();
            UserPrincipal owner = Files.getOwner(dir);
            Files.copy(ca.serverChain(), dir.resolve("server.crt"), StandardCopyOption.REPLACE_EXISTING);
            Path key = dir.resolve("server.key");
            Files.copy(ca.serverKey(), key, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
            Files.setOwner(key, owner);
            Files.setOwner(dir.resolve("server.crt"), owner);
            Files.writeString(dir.resolve("pg_hba.conf"), HBA);
        } catch (IOException e) {
            throw new UncheckedIOException("could not put TLS material into " + dataDir, e);
        }
    }

    /**
     * Makes {@code role} a LOGIN role with its generated password and the owner of database {@code database}, which
     * only it (and the superuser) may connect to. Idempotent.
     */
    public SecuredPostgres ensureServiceDatabase(String database, String role) {
        if (!database.matches("[a-z_][a-z0-9_]*") || !role.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad database or role name " + database + ", " + role);
        }
        String password = credentials.postgres(role);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), SUPERUSER,
                credentials.postgres(SUPERUSER)); Statement s = c.createStatement()) {
            boolean exists = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + role + "'").next();
            s.execute((exists ? "ALTER" : "CREATE") + " ROLE " + role + " LOGIN PASSWORD '" + password + "'");
            if (!s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").next()) {
                s.execute("CREATE DATABASE " + database + " OWNER " + role);
            }
            s.execute("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC");
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up database " + database + " for " + role + ": "
                    + e.getMessage(), e);
        }
    }

    /** The server as the superuser sees it (JDBC URLs carry {@code sslmode=verify-full} and the CA). */
    public PostgresServer server() {
        return server;
    }

    public String password(String role) {
        return credentials.postgres(role);
    }

    public TestCa ca() {
        return ca;
    }

    public void close() {
        server.close();
    }
}
