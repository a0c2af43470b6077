package io.vigil.testkit;

import io.vigil.testkit.secured.SecuredStack;

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
 * <p>Arguments: {@code [--secured] <stateDir> [kafkaPort] [postgresPort]}. {@code KAFKA_BOOTSTRAP_SERVERS} and
 * {@code VIGIL_POSTGRES_URL} name external servers instead.
 *
 * <p>With {@code --secured} (or {@code VIGIL_SECURED=1}) it starts the {@link SecuredStack} under
 * {@code <stateDir>/secured} instead: SASL_SSL Kafka with one user and least-privilege ACLs per service, TLS-only
 * PostgreSQL with one role per service database. {@code infra.env} then names only the broker, and each service's own
 * settings (credentials, trust store, database URLs) are written to {@code <stateDir>/secured/env/<service>.env}.
 */
public final class LocalStack {

    public static final List<String> DATABASES = List.of("policy", "registry", "alerts");

    private LocalStack() {
    }

    public static void main(String[] arguments) throws IOException, InterruptedException {
        boolean secured = "1".equals(System.getenv("VIGIL_SECURED"))
                || java.util.Arrays.asList(arguments).contains("--secured");
        String[] args = java.util.Arrays.stream(arguments).filter(a -> !a.equals("--secured")).toArray(String[]::new);
        Path state = Path.of(args.length > 0 ? args[0] : ".vigil").toAbsolutePath();
        int kafkaPort = args.length > 1 ? Integer.parseInt(args[1]) : 9092;
        int postgresPort = args.length > 2 ? Integer.parseInt(args[2]) : 55432;
        Files.createDirectories(state.resolve("logs"));
        if (secured) {
            runSecured(state, kafkaPort, postgresPort);
            return;
        }

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

        KafkaBroker startedBroker = broker;
        System.out.println("vigil infrastructure ready: Kafka " + bootstrap + ", PostgreSQL port " + postgres.port()
                + " (" + envFile + ")");
        runUntilStopped(() -> {
            postgres.close();
            if (startedBroker != null) {
                startedBroker.close();
            }
        });
    }

    private static void runSecured(Path state, int kafkaPort, int postgresPort)
            throws IOException, InterruptedException {
        if (System.getenv("KAFKA_BOOTSTRAP_SERVERS") != null || System.getenv("VIGIL_POSTGRES_URL") != null) {
            System.err.println("note: the secured mode starts its own Kafka and PostgreSQL; KAFKA_BOOTSTRAP_SERVERS "
                    + "and VIGIL_POSTGRES_URL are ignored");
        }
        Path dir = state.resolve("secured");
        SecuredStack stack = SecuredStack.start(dir, kafkaPort, postgresPort);
        stack.writeEnvironmentFiles(dir.resolve("env"));
        Path envFile = state.resolve("infra.env");
        Files.writeString(envFile, "KAFKA_BOOTSTRAP_SERVERS=" + stack.bootstrapServers() + "\nVIGIL_SECURED=1\n");
        System.out.println("vigil secured infrastructure ready: Kafka SASL_SSL " + stack.bootstrapServers()
                + ", PostgreSQL (TLS only) port " + postgresPort + "; per-service settings in " + dir.resolve("env"));
        runUntilStopped(stack::close);
    }

    private static void runUntilStopped(Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            stopped.countDown();
        }, "local-stack-stop"));
        stopped.await();
    }
}
