package io.vigil.system;

import io.vigil.testkit.FreePorts;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.PostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole platform as {@code ./vigil up --no-demo} runs it: the project's real Kafka and PostgreSQL, the platform CA
 * created by the gateway's explicit init step with the service certificates of agent-registry and policy-service, and
 * the six services as separate processes from their packaged applications, every port on 127.0.0.1, the console API
 * keys only in the services that serve {@code /api} and the web console (its stream), tracing on with the spans sent to
 * {@link #traces}. Started once per test JVM and shared by every system test.
 */
final class Platform {

    static final String FULL_KEY = "system-full-key";
    static final String READ_KEY = "system-read-key";

    private static Platform shared;

    final Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    final Path state;
    final Path logs;
    final int policyPort = FreePorts.next();
    final int registryPort = FreePorts.next();
    final int policyInternalPort = FreePorts.next();
    final int registryInternalPort = FreePorts.next();
    final int alertPort = FreePorts.next();
    final int gatewayPort = FreePorts.next();
    final int gatewayManagementPort = FreePorts.next();
    final int siemPort = FreePorts.next();
    final int consolePort = FreePorts.next();
    final Infrastructure infrastructure;
    /**
     * Where the five services export their traces (tracing on, as a deployment with the chart's {@code tracing.*}
     * runs it). On the shared platform rather than on one of its own for {@code TracingSystemTest}: a second platform
     * would cost another start of the six services (86 s as containers on the 2-core machine), and a second
     * agent-registry or alert-service in the same consumer groups would take partitions from this one's; exporting
     * costs each service a few spans per heartbeat, batched once a second, and this receiver keeps only the last ones.
     */
    final TraceReceiver traces = TraceReceiver.start();
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();

    private Platform() {
        try {
            state = Files.createTempDirectory("vigil-system-");
            logs = root.resolve("system-tests/target/system-test-logs");
            Files.createDirectories(logs);
            System.setProperty("vigil.logs.dir", logs.toString()); // the Kafka and PostgreSQL containers' logs

        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long started = System.nanoTime();
        infrastructure = Infrastructure.shared();
        System.out.printf("platform: Kafka and PostgreSQL ready in %d ms%n",
                (System.nanoTime() - started) / 1_000_000);
    }

    static synchronized Platform shared() {
        if (shared == null) {
            shared = new Platform();
            // before start: services already started must be stopped even when another one never gets ready
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stopAll, "vigil-platform-stop"));
            shared.start();
        }
        return shared;
    }

    private void start() {
        long started = System.nanoTime();
        initCa();
        define("policy-service", policyPort, List.of());
        define("agent-registry", registryPort, List.of());
        define("alert-service", alertPort, List.of());
        define("heartbeat-gateway", gatewayManagementPort, List.of()); // plain java -jar, as its image runs it
        define("siem-forwarder", siemPort, List.of());
        define("web-console", consolePort, List.of());
        services.values().forEach(ServiceProcess::start);
        services.values().forEach(ServiceProcess::awaitReady);
        System.out.printf("platform: five services ready as %s %d ms after the CA step began%n",
                io.vigil.testkit.ContainerMode.enabled() ? "containers" : "processes",
                (System.nanoTime() - started) / 1_000_000);
    }

    private void initCa() {
        gatewayCommand("ca-init", "init-ca", state.resolve("ca").toString());
        issueServiceCertificates("agent-registry", "policy-service");
    }

    /** Runs the gateway's {@code issue-service-cert} for these services into {@link #serviceCertificates()}. */
    void issueServiceCertificates(String... services) {
        List<String> args = new java.util.ArrayList<>(List.of("issue-service-cert", state.resolve("ca").toString(),
                serviceCertificates().toString()));
        args.addAll(List.of(services));
        gatewayCommand("service-certificates", args.toArray(String[]::new));
    }

    Path serviceCertificates() {
        return state.resolve("services");
    }

    private void gatewayCommand(String log, String... args) {
        Path jar = appJar("heartbeat-gateway");
        List<String> command = new java.util.ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(log + ".log").toFile())).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(args[0] + " failed: see " + logs.resolve(log + ".log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void define(String name, int healthPort, List<String> jvmOptions) {
        URI ready = URI.create("http://127.0.0.1:" + healthPort + "/q/health/ready");
        services.put(name, new ServiceProcess(name, appJar(name), jvmOptions, environment(name), ready,
                logs.resolve(name + ".log")));
    }

    private Map<String, String> environment(String name) {
        PostgresServer postgres = infrastructure.postgres();
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        if (List.of("policy-service", "agent-registry", "alert-service", "web-console").contains(name)) {
            env.put("VIGIL_API_KEYS", FULL_KEY + ":full-access," + READ_KEY + ":read-only");
            // managed keys' last use reported every 2 s instead of 10 s, so that tests see it soon
            env.put("VIGIL_MANAGED_API_KEYS_USAGE_INTERVAL", "2s");
        }
        if (!name.equals("web-console")) { // the one service without quarkus-opentelemetry
            env.put("QUARKUS_OTEL_SDK_DISABLED", "false");
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
            env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s");
        }
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("VIGIL_SERVICE_TLS_CA", state.resolve("ca/ca.crt").toString());
        env.put("VIGIL_SERVICE_TLS_CERTIFICATE", serviceCertificates().resolve(name + ".crt").toString());
        env.put("VIGIL_SERVICE_TLS_KEY", serviceCertificates().resolve(name + ".key").toString());
        env.put("VIGIL_DB_USER", postgres.user());
        env.put("VIGIL_DB_PASSWORD", postgres.password());
        for (String db : List.of("policy", "registry", "alerts")) {
            postgres.ensureDatabase(db);
            String prefix = "VIGIL_DB_" + db.toUpperCase();
            env.put(prefix + "_REACTIVE_URL", postgres.reactiveUrl(db));
            env.put(prefix + "_JDBC_URL", postgres.jdbcUrl(db));
        }
        env.put("VIGIL_GATEWAY_CA_DIR", state.resolve("ca").toString());
        env.put("VIGIL_GATEWAY_AGENTS_NETWORKS", "127.0.0.0/8"); // the reference agents listen on loopback
        env.put("VIGIL_REGISTRY_CA_CERTIFICATE", state.resolve("ca/ca.crt").toString());
        env.put("VIGIL_GATEWAY_REGISTRY_URL", "https://127.0.0.1:" + registryInternalPort);
        env.put("VIGIL_REGISTRY_POLICY_SERVICE_URL", "https://127.0.0.1:" + policyInternalPort);
        switch (name) {
            case "policy-service" -> {
                env.put("QUARKUS_HTTP_PORT", Integer.toString(policyPort));
                env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(policyInternalPort));
            }
            case "agent-registry" -> {
                env.put("QUARKUS_HTTP_PORT", Integer.toString(registryPort));
                env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(registryInternalPort));
            }
            case "alert-service" -> env.put("QUARKUS_HTTP_PORT", Integer.toString(alertPort));
            case "siem-forwarder" -> env.put("QUARKUS_HTTP_PORT", Integer.toString(siemPort));
            case "web-console" -> {
                env.put("QUARKUS_HTTP_PORT", Integer.toString(consolePort));
                env.put("VIGIL_CONSOLE_PROXY_POLICY_SERVICE", url(policyPort));
                env.put("VIGIL_CONSOLE_PROXY_AGENT_REGISTRY", url(registryPort));
                env.put("VIGIL_CONSOLE_PROXY_ALERT_SERVICE", url(alertPort));
            }
            case "heartbeat-gateway" -> {
                env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(gatewayPort));
                env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(gatewayManagementPort));
            }
            default -> throw new IllegalArgumentException(name);
        }
        return env;
    }

    /** The environment the platform gives a service (a copy), e.g. for a test that runs another replica of it. */
    Map<String, String> environmentOf(String name) {
        return new HashMap<>(environment(name));
    }

    Path appJar(String name) {
        return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    String url(int port) {
        return "http://127.0.0.1:" + port;
    }

    String gatewayUrl() {
        return "https://127.0.0.1:" + gatewayPort;
    }

    Path caCertificate() {
        return state.resolve("ca/ca.crt");
    }

    /** Stops every service at once (SIGTERM), then waits for each: a graceful stop of the whole platform. */
    private void stopAll() {
        services.values().forEach(ServiceProcess::signalStop);
        services.values().forEach(ServiceProcess::stop);
        traces.stop();
    }
}
