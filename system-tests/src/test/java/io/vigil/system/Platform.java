package io.vigil.system;

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
 * the six services as separate processes from their packaged applications (or containers of their images), every port
 * on 127.0.0.1, each service with the environment names the chart renders for it ({@link ServiceEnvironment}): the
 * console API keys only in the services that serve {@code /api} and the web console (its stream), tracing on with
 * the spans sent to {@link #traces}. Started once per test JVM and shared by every system test.
 */
final class Platform {

    static final String FULL_KEY = "system-full-key";
    static final String READ_KEY = "system-read-key";

    private static Platform shared;
    /**
     * {@code false}: the services run without tracing (its default), for a benchmark that measures their cost; set
     * before the platform starts.
     */
    static final String TRACING_PROPERTY = "vigil.platform.tracing";
    /**
     * {@code vigil.platform.env.<service>.<NAME>=value}: one more environment variable for a service, set before the
     * platform starts (a benchmark's settings; the system tests use none).
     */
    static final String ENV_PROPERTY_PREFIX = "vigil.platform.env.";
    /** {@code vigil.platform.jvm.<service>=options}: JVM options added for a service (a benchmark's heap). */
    static final String JVM_PROPERTY_PREFIX = "vigil.platform.jvm.";

    final Path root = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();
    final Path state;
    final Path logs;
    final PlatformPorts ports = PlatformPorts.free();
    final int policyPort = ports.policy();
    final int registryPort = ports.registry();
    final int policyInternalPort = ports.policyInternal();
    final int registryInternalPort = ports.registryInternal();
    final int alertPort = ports.alerts();
    final int gatewayPort = ports.gatewayAgents();
    final int gatewayManagementPort = ports.gatewayManagement();
    final int siemPort = ports.siem();
    final int consolePort = ports.console();
    final Infrastructure infrastructure;
    /**
     * Where the five services export their traces (tracing on, as a deployment with the chart's {@code tracing.*}
     * runs it). On the shared platform rather than on one of its own for {@code TracingSystemTest}: a second platform
     * would cost another start of the six services (86 s as containers on the 2-core machine), and a second
     * agent-registry or alert-service in the same consumer groups would take partitions from this one's; exporting
     * costs each service a few spans per heartbeat, batched once a second, and this receiver keeps only the last ones.
     * Null when {@value #TRACING_PROPERTY} is {@code false}.
     */
    final TraceReceiver traces = Boolean.parseBoolean(System.getProperty(TRACING_PROPERTY, "true"))
            ? TraceReceiver.start() : null;
    private ServiceEnvironment environments;
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
        environments = new ServiceEnvironment(serviceInfrastructure(), ports, traces == null ? null : traces.endpoint());
        define("policy-service", policyPort);
        define("agent-registry", registryPort);
        define("alert-service", alertPort);
        define("heartbeat-gateway", gatewayManagementPort); // plain java -jar, as its image runs it
        define("siem-forwarder", siemPort);
        define("web-console", consolePort);
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

    private void define(String name, int healthPort) {
        URI ready = URI.create("http://127.0.0.1:" + healthPort + "/q/health/ready");
        services.put(name, new ServiceProcess(name, appJar(name), jvmOptions(name), environment(name), ready,
                logs.resolve(name + ".log")));
    }

    /** A service's {@link #JVM_PROPERTY_PREFIX} options (space-separated), after the tests' own: a later -Xmx wins. */
    static List<String> jvmOptions(String name) {
        String options = System.getProperty(JVM_PROPERTY_PREFIX + name, "").strip();
        return options.isEmpty() ? List.of() : List.of(options.split("\\s+"));
    }

    private Map<String, String> environment(String name) {
        Map<String, String> env = environments.of(name);
        String prefix = ENV_PROPERTY_PREFIX + name + ".";
        System.getProperties().stringPropertyNames().stream().filter(key -> key.startsWith(prefix))
                .forEach(key -> env.put(key.substring(prefix.length()), System.getProperty(key)));
        return env;
    }

    /** The databases, the broker, the CA and certificates, and the API keys as a Secret file would hold them. */
    private ServiceEnvironment.Infrastructure serviceInfrastructure() {
        PostgresServer postgres = infrastructure.postgres();
        Map<String, String> jdbc = new HashMap<>();
        Map<String, String> reactive = new HashMap<>();
        for (String db : List.of("policy", "registry", "alerts")) {
            postgres.ensureDatabase(db);
            jdbc.put(db, postgres.jdbcUrl(db));
            reactive.put(db, postgres.reactiveUrl(db));
        }
        Path apiKeys = state.resolve("api-keys");
        try {
            Files.writeString(apiKeys, FULL_KEY + ":full-access," + READ_KEY + ":read-only");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ServiceEnvironment.Infrastructure(infrastructure.bootstrapServers(), postgres.user(),
                postgres.password(), jdbc, reactive, state.resolve("ca"), serviceCertificates(), apiKeys);
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
        if (traces != null) {
            traces.stop();
        }
    }
}
