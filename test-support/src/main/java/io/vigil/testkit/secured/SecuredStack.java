package io.vigil.testkit.secured;

import io.vigil.events.KafkaAccess;
import io.vigil.testkit.KafkaBroker;
import io.vigil.testkit.TopicCreator;
import org.apache.kafka.clients.admin.Admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka and PostgreSQL as a deployment secures them: a SASL_SSL broker with one SCRAM user per service and the ACLs of
 * {@link KafkaAccess}, every topic created by the super user, and a TLS-only PostgreSQL with one login role per service
 * database. State (the test CA, the generated passwords, the Kafka log, the database) lives under one directory and is
 * reused when the stack is started there again. {@link #environment(String)} is what each service needs to reach it.
 */
public final class SecuredStack implements AutoCloseable {

    /** The database (and login role) of each service that has one. */
    public static final Map<String, String> DATABASES = Map.of(KafkaAccess.POLICY_SERVICE, "policy",
            KafkaAccess.AGENT_REGISTRY, "registry", KafkaAccess.ALERT_SERVICE, "alerts");

    private final KafkaBroker broker;
    private final KafkaSecurity kafka;
    private final SecuredPostgres postgres;

    private SecuredStack(KafkaBroker broker, KafkaSecurity kafka, SecuredPostgres postgres) {
        this.broker = broker;
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts the broker (client port {@code kafkaPort}, controller the next one) and PostgreSQL under {@code dir}. */
    public static SecuredStack start(Path dir, int kafkaPort, int postgresPort) {
        Credentials credentials = Credentials.in(dir.resolve("credentials.properties"));
        TestCa ca = TestCa.in(dir.resolve("pki"), credentials.kafka("keystore"));
        KafkaSecurity security = new KafkaSecurity(ca, credentials);
        KafkaBroker broker = null;
        try {
            Files.createDirectories(dir.resolve("kafka"));
            broker = new KafkaBroker(dir.resolve("kafka"), kafkaPort, kafkaPort + 1, dir.resolve("kafka.log"),
                    security).start();
            Map<String, Object> admin = security.admin(broker.bootstrapServers());
            TopicCreator.createAll(admin);
            try (Admin client = Admin.create(admin)) {
                AclBindings.install(client);
            }
            SecuredPostgres postgres = SecuredPostgres.start(postgresPort, dir.resolve("postgres"), ca, credentials);
            DATABASES.values().forEach(database -> postgres.ensureServiceDatabase(database, database));
            return new SecuredStack(broker, security, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            if (broker != null) {
                broker.close();
            }
            throw e;
        }
    }

    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    public KafkaSecurity kafka() {
        return kafka;
    }

    public SecuredPostgres postgres() {
        return postgres;
    }

    /**
     * The environment one service needs (Quarkus names): its own Kafka user over SASL_SSL trusting the test CA and, for
     * a service with a database, its own role and URLs with {@code sslmode=verify-full}.
     */
    public Map<String, String> environment(String service) {
        if (KafkaAccess.of(service).isEmpty()) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        Map<String, Object> client = kafka.client(bootstrapServers(), service);
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers());
        env.put("KAFKA_SECURITY_PROTOCOL", (String) client.get("security.protocol"));
        env.put("KAFKA_SASL_MECHANISM", (String) client.get("sasl.mechanism"));
        env.put("KAFKA_SASL_JAAS_CONFIG", (String) client.get("sasl.jaas.config"));
        env.put("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", postgres.ca().caCertificate().toString());
        String database = DATABASES.get(service);
        if (database != null) {
            String prefix = "VIGIL_DB_" + database.toUpperCase();
            env.put("VIGIL_DB_USER", database);
            env.put("VIGIL_DB_PASSWORD", postgres.password(database));
            env.put(prefix + "_JDBC_URL", postgres.server().jdbcUrl(database));
            env.put(prefix + "_REACTIVE_URL", postgres.server().reactiveUrl(database));
            env.put("QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE", "verify-full");
            env.put("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM", "HTTPS");
            env.put("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM", "true");
            env.put("QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS", postgres.ca().caCertificate().toString());
        }
        return env;
    }

    /**
     * Writes {@code <service>.env} for every service into {@code dir}: one {@code NAME=value} line each, unquoted
     * (the format of {@code env(1)} arguments and container {@code --env-file}s), mode 0600.
     */
    public void writeEnvironmentFiles(Path dir) {
        try {
            Files.createDirectories(dir);
            for (KafkaAccess.ServiceAccess access : KafkaAccess.ALL) {
                StringBuilder lines = new StringBuilder();
                environment(access.service()).forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
                Path file = dir.resolve(access.service() + ".env");
                Files.deleteIfExists(file);
                Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, lines);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the service environments to " + dir, e);
        }
    }

    @Override
    public void close() {
        postgres.close();
        broker.close();
    }
}
