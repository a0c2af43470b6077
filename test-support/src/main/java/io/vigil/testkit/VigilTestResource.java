package io.vigil.testkit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands the shared real Kafka and PostgreSQL to a {@code @QuarkusTest}. Use with
 * {@code @QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "policy"))};
 * without a {@code database} argument only Kafka is configured.
 */
public class VigilTestResource implements QuarkusTestResourceLifecycleManager {

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", infrastructure.bootstrapServers());
        if (database != null) {
            PostgresServer postgres = infrastructure.postgres().ensureDatabase(database);
            config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(database));
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", postgres.user());
            config.put("quarkus.datasource.password", postgres.password());
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared for the whole JVM: stopped by a shutdown hook.
    }
}
