package io.vigil.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure half of {@code ./vigil up}: a Kafka broker (port 9092) and PostgreSQL (port 55432) with data kept
 * under the given directory, the databases of the services and every topic. Writes {@code infra.env} (shell
 * assignments for the services) and runs until it is stopped (SIGTERM or Ctrl-C), then stops both servers.
 *
 * <p>Arguments: {@code <stateDir> [kafkaPort] [postgresPort]}. {@code KAFKA_BOOTSTRAP_SERVERS} and
 * {@code VIGIL_POSTGRES_URL} name external servers instead.
 */
public final class LocalStack {

    public static final List<String> DATABASES = List.of("policy", "registry", "alerts");

    private LocalStack() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path state = Path.of(args.length > 0 ? args[0] : ".vigil").toAbsolutePath();
        int kafkaPort = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        int postgresPort = args.length > 2 ? Integer.parseInt(args[2]) : 55432;
        Files.createDirectories(state.resolve("logs"));

        String bootstrap = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        KafkaBroker broker = null;
        if (bootstrap == null || bootstrap.isBlank()) {
            broker = new KafkaBroker(state.resolve("kafka"), kafkaPort, kafkaPort + 1,
                    state.resolve("logs/kafka.log")).start();
            bootstrap = broker.bootstrapServers();
        }
        TopicCreator.createAll(bootstrap);

        String externalPostgres = System.getenv("VIGIL_POSTGRES_URL");
        PostgresServer postgres = externalPostgres == null || externalPostgres.isBlank()
                ? PostgresServer.embedded(postgresPort, state.resolve("postgres"))
                : PostgresServer.external(externalPostgres);
        StringBuilder env = new StringBuilder("KAFKA_BOOTSTRAP_SERVERS=" + bootstrap + "\n");
        env.append("VIGIL_DB_USER=").append(postgres.user()).append('\n');
        env.append("VIGIL_DB_PASSWORD=").append(postgres.password()).append('\n');
        for (String database : DATABASES) {
            postgres.ensureDatabase(database);
            String prefix = "VIGIL_DB_" + database.toUpperCase();
            env.append(prefix).append("_REACTIVE_URL=").append(postgres.reactiveUrl(database)).append('\n');
            env.append(prefix).append("_JDBC_URL=").append(postgres.jdbcUrl(database)).append('\n');
        }
        Path envFile = state.resolve("infra.env");
        Files.writeString(envFile, env.toString());

        CountDownLatch stopped = new CountDownLatch(1);
        KafkaBroker startedBroker = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            postgres.close();
            if (startedBroker != null) {
                startedBroker.close();
            }
            stopped.countDown();
        }, "local-stack-stop"));
        System.out.println("vigil infrastructure ready: Kafka " + bootstrap + ", PostgreSQL port " + postgres.port()
                + " (" + envFile + ")");
        stopped.await();
    }
}
