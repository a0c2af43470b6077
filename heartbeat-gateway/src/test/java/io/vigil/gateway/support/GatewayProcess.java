package io.vigil.gateway.bench;

import io.vigil.testkit.FreePorts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * The gateway as production runs it, in its own process ({@code java -jar quarkus-run.jar} with the java.security
 * overlay of its TLS mode), so that its CPU time can be read from {@code /proc} apart from the load generator's.
 */
final class GatewayProcess implements AutoCloseable {

    private final Process process;
    final int agentPort;
    final int managementPort;

    private GatewayProcess(Process process, int agentPort, int managementPort) {
        this.process = process;
        this.agentPort = agentPort;
        this.managementPort = managementPort;
    }

    static GatewayProcess start(Path jar, Path workDir, Path caDir, String bootstrapServers) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path overlay = workDir.resolve("bench-java-default.security");
        int rc = new ProcessBuilder(java, "-jar", jar.toString(), "java-security", "default", overlay.toString())
                .redirectErrorStream(true).redirectOutput(workDir.resolve("bench-overlay.log").toFile())
                .start().waitFor();
        if (rc != 0) {
            throw new IllegalStateException("could not write the java.security overlay (" + rc + ")");
        }
        int agentPort = FreePorts.next();
        int managementPort = FreePorts.next();
        List<String> command = new ArrayList<>(List.of(java));
        if (Boolean.getBoolean("bench.jfr")) { // a CPU profile of the gateway: target/bench-gateway.jfr
            command.add("-XX:StartFlightRecording=filename=" + workDir.resolve("bench-gateway.jfr")
                    + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("-Djava.security.properties=" + overlay,
                "-Djdk.tls.client.protocols=TLSv1.3,TLSv1.2", "-Dquarkus.http.ssl-port=" + agentPort,
                "-Dquarkus.management.port=" + managementPort, "-Dkafka.bootstrap.servers=" + bootstrapServers,
                "-Dvigil.gateway.ca.dir=" + caDir, "-Dvigil.gateway.tls.mode=default",
                "-Dquarkus.log.level=WARN", "-jar", jar.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("bench-gateway.log").toFile()).start();
        GatewayProcess gateway = new GatewayProcess(process, agentPort, managementPort);
        gateway.awaitReady();
        return gateway;
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        await("the gateway ready within 180 s").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the gateway exited (" + process.exitValue() + "), see its log");
                    }
                    try {
                        return http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                    } catch (IOException e) {
                        return false; // not listening yet
                    }
                });
    }

    /** CPU seconds (user + system) the gateway process has used so far, from /proc/PID/stat. */
    double cpuSeconds() throws IOException {
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
