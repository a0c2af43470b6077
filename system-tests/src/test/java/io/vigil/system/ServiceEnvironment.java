package io.vigil.system;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment each service gets in the system tests: the names the chart renders for that service (its ConfigMap
 * and {@code env}, as in {@code deploy/vigil.yaml}) with the values of this test platform (loopback endpoints, the
 * plaintext broker, the embedded PostgreSQL, files under the platform's state directory), plus the few names only the
 * tests set. {@link ServiceEnvironmentDriftTest} fails when a name is in one and not the other and is not in its
 * documented list ({@code test-support/README.md}, "The system tests' environment and the chart's").
 */
final class ServiceEnvironment {

    /** What the platform's infrastructure and state directory provide. */
    record Infrastructure(String bootstrapServers, String dbUser, String dbPassword, Map<String, String> jdbcUrls,
                          Map<String, String> reactiveUrls, Path caDirectory, Path serviceCertificates, Path apiKeysFile) {
    }

    private static final List<String> API_SERVICES = List.of("policy-service", "agent-registry", "alert-service",
            "web-console");
    private static final List<String> JSON_LOGGING = List.of("policy-service", "agent-registry", "alert-service",
            "heartbeat-gateway", "siem-forwarder");

    private final Infrastructure infrastructure;
    private final PlatformPorts ports;
    private final String tracesEndpoint;

    /** @param tracesEndpoint where the services export their spans (OTLP/HTTP); null: tracing off, the default */
    ServiceEnvironment(Infrastructure infrastructure, PlatformPorts ports, String tracesEndpoint) {
        this.infrastructure = infrastructure;
        this.ports = ports;
        this.tracesEndpoint = tracesEndpoint;
    }

    Map<String, String> of(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        env.put("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        // test only: every port on loopback, as ./vigil up binds them
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        if (JSON_LOGGING.contains(service)) {
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
        }
        if (API_SERVICES.contains(service)) {
            env.put("VIGIL_API_KEYS_FILE", infrastructure.apiKeysFile().toString());
            // test only: managed keys' last use reported every 2 s instead of 10 s, so that tests see it soon
            env.put("VIGIL_MANAGED_API_KEYS_USAGE_INTERVAL", "2s");
        }
        if (tracesEndpoint != null && !service.equals("web-console")) { // web-console: no quarkus-opentelemetry
            // test only: tracing on (the chart's tracing.enabled), spans batched once a second for TracingSystemTest
            env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", tracesEndpoint);
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
        }
        switch (service) {
            case "policy-service" -> {
                ports(env, ports.policy(), ports.policyInternal());
                database(env, "policy", true);
                serviceTls(env, service);
                env.put("QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL", "true");
            }
            case "agent-registry" -> {
                ports(env, ports.registry(), ports.registryInternal());
                database(env, "registry", false);
                serviceTls(env, service);
                env.put("VIGIL_REGISTRY_CA_CERTIFICATE", ca());
                env.put("VIGIL_REGISTRY_POLICY_SERVICE_URL", "https://127.0.0.1:" + ports.policyInternal());
            }
            case "alert-service" -> {
                env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.alerts()));
                database(env, "alerts", true);
                env.put("QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL", "true");
            }
            case "heartbeat-gateway" -> {
                env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(ports.gatewayAgents()));
                env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(ports.gatewayManagement()));
                env.put("QUARKUS_SHUTDOWN_TIMEOUT", "30s");
                env.put("VIGIL_GATEWAY_CA_DIR", infrastructure.caDirectory().toString());
                env.put("VIGIL_GATEWAY_AGENTS_NETWORKS", "127.0.0.0/8"); // the reference agents listen on loopback
                env.put("VIGIL_GATEWAY_REGISTRY_URL", "https://127.0.0.1:" + ports.registryInternal());
                env.put("VIGIL_GATEWAY_TLS_MODE", "default");
            }
            case "siem-forwarder" -> {
                env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.siem()));
                env.put("VIGIL_SIEM_SYSLOG_URL", ""); // no receiver, as the chart's default
            }
            case "web-console" -> {
                env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.console()));
                // the console forwards /api itself: there is no ingress in front of it here
                env.put("VIGIL_CONSOLE_PROXY_ENABLED", "true");
                env.put("VIGIL_CONSOLE_PROXY_POLICY_SERVICE", "http://127.0.0.1:" + ports.policy());
                env.put("VIGIL_CONSOLE_PROXY_AGENT_REGISTRY", "http://127.0.0.1:" + ports.registry());
                env.put("VIGIL_CONSOLE_PROXY_ALERT_SERVICE", "http://127.0.0.1:" + ports.alerts());
            }
            default -> throw new IllegalArgumentException(service);
        }
        return env;
    }

    private static void ports(Map<String, String> env, int http, int internal) {
        env.put("QUARKUS_HTTP_PORT", Integer.toString(http));
        env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(internal));
    }

    private void database(Map<String, String> env, String database, boolean reactive) {
        env.put("VIGIL_DB_USER", infrastructure.dbUser());
        env.put("VIGIL_DB_PASSWORD", infrastructure.dbPassword());
        String prefix = "VIGIL_DB_" + database.toUpperCase();
        env.put(prefix + "_JDBC_URL", infrastructure.jdbcUrls().get(database));
        if (reactive) {
            env.put(prefix + "_REACTIVE_URL", infrastructure.reactiveUrls().get(database));
        }
    }

    private void serviceTls(Map<String, String> env, String service) {
        env.put("VIGIL_SERVICE_TLS_CA", ca());
        env.put("VIGIL_SERVICE_TLS_CERTIFICATE", infrastructure.serviceCertificates().resolve(service + ".crt").toString());
        env.put("VIGIL_SERVICE_TLS_KEY", infrastructure.serviceCertificates().resolve(service + ".key").toString());
    }

    private String ca() {
        return infrastructure.caDirectory().resolve("ca.crt").toString();
    }
}
