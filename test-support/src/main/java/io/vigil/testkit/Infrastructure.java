package io.vigil.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Kafka and PostgreSQL that tests run against, started once per JVM and shared by every test class
 * (the role Testcontainers plays elsewhere). {@code KAFKA_BOOTSTRAP_SERVERS} and {@code VIGIL_POSTGRES_URL} name
 * external servers instead.
 */
public final class Infrastructure {

    private static final String BOOTSTRAP_PROPERTY = "testkit.kafka.bootstrap";
    private static final String POSTGRES_PROPERTY = "testkit.postgres.url";

    private static Infrastructure shared;

    private final String bootstrapServers;
    private final PostgresServer postgres;
    private final KafkaBroker broker;

    private Infrastructure(String bootstrapServers, KafkaBroker broker, PostgresServer postgres) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
        this.postgres = postgres;
    }

    /**
     * The JVM's one infrastructure. Quarkus restarts an application (and loads this class again) for each test
     * profile; the servers are found again through system properties, which the JVM shares across class loaders.
     */
    public static Infrastructure shared() {
        synchronized (System.getProperties()) {
            if (shared == null) {
                String bootstrap = System.getProperty(BOOTSTRAP_PROPERTY);
                String postgres = System.getProperty(POSTGRES_PROPERTY);
                if (bootstrap != null && postgres != null) {
                    shared = new Infrastructure(bootstrap, null, PostgresServer.external(postgres));
                } else {
                    shared = start();
                    System.setProperty(BOOTSTRAP_PROPERTY, shared.bootstrapServers);
                    System.setProperty(POSTGRES_PROPERTY, shared.postgres.url());
                    Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "vigil-test-infrastructure-stop"));
                }
            }
            return shared;
        }
    }

    private static Infrastructure start() {
        try {
            Path work = Files.createTempDirectory("vigil-test-");
            String externalKafka = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            KafkaBroker broker = null;
            String bootstrap = externalKafka;
            if (externalKafka == null || externalKafka.isBlank()) {
                broker = new KafkaBroker(work.resolve("kafka"), FreePorts.next(), FreePorts.next(),
                        work.resolve("kafka.log"));
                Files.createDirectories(work.resolve("kafka"));
                bootstrap = broker.start().bootstrapServers();
            }
            TopicCreator.createAll(bootstrap);
            String externalPostgres = System.getenv("VIGIL_POSTGRES_URL");
            PostgresServer postgres = externalPostgres == null || externalPostgres.isBlank()
                    ? PostgresServer.embedded(FreePorts.next(), null)
                    : PostgresServer.external(externalPostgres);
            return new Infrastructure(bootstrap, broker, postgres);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    /** The broker this JVM started, or null when an external one is used. */
    public KafkaBroker broker() {
        return broker;
    }

    private void stop() {
        postgres.close();
        if (broker != null) {
            broker.close();
        }
    }
}
