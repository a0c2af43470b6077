package io.vigil.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real Kafka and PostgreSQL that tests run against, started once per JVM and shared by every test class: a child
 * JVM and the embedded binaries, or, with {@code -Dvigil.containers=true} (the system tests), containers of the
 * project's {@code kafka} and {@code postgres} images through Testcontainers. {@code KAFKA_BOOTSTRAP_SERVERS} and
 * {@code VIGIL_POSTGRES_URL} name external servers instead.
 */
public final class Infrastructure {

    private static final String BOOTSTRAP_PROPERTY = "testkit.kafka.bootstrap";
    private static final String POSTGRES_PROPERTY = "testkit.postgres.url";

    private static Infrastructure shared;

    private final String bootstrapServers;
    private final PostgresServer postgres;
    private final KafkaBroker broker;
    private final ContainerPair containers;

    private Infrastructure(String bootstrapServers, KafkaBroker broker, PostgresServer postgres) {
        this(bootstrapServers, broker, postgres, null);
    }

    private Infrastructure(String bootstrapServers, KafkaBroker broker, PostgresServer postgres,
                           ContainerPair containers) {
        this.bootstrapServers = bootstrapServers;
        this.broker = broker;
        this.postgres = postgres;
        this.containers = containers;
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
        if (ContainerMode.enabled()) {
            ContainerPair pair = ContainerPair.start();
            TopicCreator.createAll(pair.bootstrapServers());
            return new Infrastructure(pair.bootstrapServers(), null, pair.postgres(), pair);
        }
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

    /** The broker this JVM started as a child process, or null when it is a container or an external one. */
    public KafkaBroker broker() {
        return broker;
    }

    /**
     * Freezes ({@code STOP}) or thaws ({@code CONT}) the broker this JVM started, process or container: it then
     * answers nothing, as a broker stuck in a long pause would.
     */
    public void signalKafka(String signal) {
        if (containers != null) {
            containers.kafka().signal(signal);
        } else if (broker != null) {
            broker.signal(signal);
        } else {
            throw new IllegalStateException("Kafka is external: this JVM cannot signal it");
        }
    }

    private void stop() {
        postgres.close();
        if (broker != null) {
            broker.close();
        }
        if (containers != null) {
            containers.close();
        }
    }
}
