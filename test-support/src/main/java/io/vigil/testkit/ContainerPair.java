package io.vigil.testkit;

import io.vigil.testkit.containers.InfrastructureContainers;
import io.vigil.testkit.containers.PodContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Kafka and PostgreSQL as containers of the project's images (Infrastructure's container mode). */
record ContainerPair(PodContainer kafka, PodContainer postgresContainer, String bootstrapServers,
                     PostgresServer postgres) implements AutoCloseable {

    static ContainerPair start() {
        try {
            String logsDir = System.getProperty("vigil.logs.dir");
            Path logs = logsDir != null ? Files.createDirectories(Path.of(logsDir))
                    : Files.createTempDirectory("vigil-test-containers-");
            int kafkaPort = FreePorts.next();
            PodContainer kafka = InfrastructureContainers.kafka(kafkaPort, FreePorts.next(), logs.resolve("kafka.log"));
            int postgresPort = FreePorts.next();
            String password = PostgresPassword.generate();
            PodContainer postgres = InfrastructureContainers.postgres(postgresPort, password,
                    logs.resolve("postgres.log"));
            return new ContainerPair(kafka, postgres, "127.0.0.1:" + kafkaPort,
                    PostgresServer.external("postgresql://postgres:" + password + "@127.0.0.1:" + postgresPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        postgresContainer.stop();
        kafka.stop();
    }
}
