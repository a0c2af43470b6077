package io.vigil.gateway.support;

import io.vigil.testkit.FreePorts;
import io.vigil.testkit.PlainHttp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * The packaged gateway as its image runs it: {@code java -jar quarkus-run.jar} with no JVM option at all, configured
 * only through the environment (as the chart's Deployment does), in its own process (so that its CPU time can be read
 * from {@code /proc} apart from the load generator's).
 */
public final class GatewayProcess implements AutoCloseable {

    /** Environment variables that would smuggle JVM options in: never inherited. */
    private static final List<String> JVM_OPTION_VARIABLES = List.of("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS",
            "_JAVA_OPTIONS");

    private final Process process;
    private final Path log;
    public final int agentPort;
    public final int managementPort;

    private GatewayProcess(Process process, Path log, int agentPort, int managementPort) {
        this.process = process;
        this.log = log;
        this.agentPort = agentPort;
        this.managementPort = managementPort;
    }

    /**
     * Starts the jar in the given TLS mode and waits until it is ready.
     *
     * @param jvmOptions options before {@code -jar}; production and the probes pass none (the benchmark a profiler)
     */
    public static GatewayProcess start(Path jar, Path workDir, Path caDir, String bootstrapServers, String mode,
                                       List<String> jvmOptions) {
        int agentPort = FreePorts.next();
        int managementPort = FreePorts.next();
        ProcessBuilder builder = builder(jar, workDir, caDir, bootstrapServers, mode, jvmOptions, agentPort,
                managementPort, Map.of());
        Path log = workDir.resolve("gateway-" + mode + ".log");
        builder.redirectOutput(log.toFile());
        try {
            GatewayProcess gateway = new GatewayProcess(builder.start(), log, agentPort, managementPort);
            gateway.awaitReady();
            return gateway;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + builder.command(), e);
        }
    }

    /** How a start that was refused ended: the exit code and everything the process wrote. */
    public record Refusal(int exitCode, String log) {
    }

    /**
     * Starts the jar with extra settings in its environment and expects it to exit by itself within 60 s (the way a
     * setting it cannot work with must end it), returning how; fails if it is still running then.
     */
    public static Refusal refusedStart(Path jar, Path workDir, Path caDir, String bootstrapServers, String mode,
                                       Map<String, String> settings) throws IOException, InterruptedException {
        ProcessBuilder builder = builder(jar, workDir, caDir, bootstrapServers, mode, List.of(), FreePorts.next(),
                FreePorts.next(), settings);
        Path log = workDir.resolve("gateway-refused.log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("the gateway started and kept running with " + settings + ": "
                    + Files.readString(log));
        }
        return new Refusal(process.exitValue(), Files.readString(log));
    }

    private static ProcessBuilder builder(Path jar, Path workDir, Path caDir, String bootstrapServers, String mode,
                                          List<String> jvmOptions, int agentPort, int managementPort,
                                          Map<String, String> settings) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        JVM_OPTION_VARIABLES.forEach(env::remove);
        env.put("VIGIL_GATEWAY_TLS_MODE", mode);
        env.put("VIGIL_GATEWAY_PORT", Integer.toString(agentPort));
        env.put("VIGIL_GATEWAY_MANAGEMENT_PORT", Integer.toString(managementPort));
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.put("VIGIL_GATEWAY_CA_DIR", caDir.toString());
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        env.putAll(settings);
        return builder;
    }

    /** The process's combined output so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The management port's {@code /q/metrics} page. */
    public String metrics() throws IOException, InterruptedException {
        HttpRequest request = PlainHttp.request("http://127.0.0.1:" + managementPort + "/q/metrics")
                .timeout(Duration.ofSeconds(10)).build();
        return PlainHttp.client().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The command line the process runs, as the operating system reports it. */
    public List<String> commandLine() {
        return process.info().arguments().map(List::of).orElseThrow();
    }

    private void awaitReady() {
        HttpClient http = PlainHttp.client();
        HttpRequest ready = PlainHttp.request("http://127.0.0.1:" + managementPort + "/q/health/ready")
                .timeout(Duration.ofSeconds(5)).build();
        await("the gateway ready within 180 s").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the gateway exited (" + process.exitValue() + "): " + log());
                    }
                    try {
                        return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false; // not listening yet
                    }
                });
    }

    /** CPU seconds (user + system) the gateway process has used so far, from /proc/PID/stat. */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
        return ticks / 100.0; // USER_HZ is 100 on Linux
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
