package io.vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.testkit.FreePorts;
import io.vigil.testkit.Infrastructure;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs policy-service from its image tarball the way Kubernetes would with the chart, but without a container
 * runtime: the image's layers unpacked into a directory, its entrypoint started in a chroot as user 185 (every file
 * belongs to root, so the root file system is read-only for it; /tmp is a fresh writable directory like the chart's
 * emptyDir), with the environment of the chart's ConfigMap pointed at the real Kafka and PostgreSQL of the tests.
 * Needs root (chroot, mounting /proc), as CI has here.
 */
class ImageRuntimeIT {

    @Test
    void policyServiceBecomesReadyFromItsImageAsUser185OnAReadOnlyRoot() throws Exception {
        Infrastructure infra = Infrastructure.shared();
        infra.postgres().ensureDatabase("policy");
        Path tarball = ImageTarballIT.IMAGES.resolve("policy-service.tar");
        JsonNode config = OciImage.read(tarball).containerConfig();
        Path rootfs = Files.createTempDirectory("vigil-image-rootfs-");
        OciImage.unpack(tarball, rootfs);
        OciImage.run(List.of("chmod", "755", rootfs.toString()));
        OciImage.run(List.of("chmod", "1777", rootfs.resolve("tmp").toString()));
        Path proc = Files.createDirectories(rootfs.resolve("proc"));
        OciImage.run(List.of("mount", "-t", "proc", "proc", proc.toString()));
        Process process = null;
        try {
            int port = FreePorts.next();
            List<String> command = new ArrayList<>(List.of("chroot", "--userspec=" + config.get("User").asText(),
                    rootfs.toString()));
            config.get("Entrypoint").forEach(a -> command.add(a.asText()));
            Path log = ImageTarballIT.IMAGES.resolveSibling("policy-service-image-run.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().clear();
            config.get("Env").forEach(e -> {
                String[] kv = e.asText().split("=", 2);
                builder.environment().put(kv[0], kv[1]);
            });
            builder.environment().putAll(chartEnvironment(infra, port));
            process = builder.start();
            Process running = process;
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .ignoreExceptionsInstanceOf(IOException.class)
                    .failFast("the service process ended", () -> !running.isAlive())
                    .untilAsserted(() -> assertThat(http.send(ready, HttpResponse.BodyHandlers.ofString())
                            .statusCode()).as(() -> tail(log)).isEqualTo(200));
            String status = Files.readString(Path.of("/proc/" + running.toHandle().descendants()
                    .filter(h -> h.info().command().orElse("").endsWith("/java")).findFirst()
                    .orElse(running.toHandle()).pid() + "/status"));
            assertThat(status).containsPattern("(?m)^Uid:\\s+185\\s");
        } finally {
            if (process != null) {
                process.toHandle().descendants().forEach(ProcessHandle::destroy);
                process.destroy();
                process.waitFor();
            }
            OciImage.run(List.of("umount", proc.toString()));
            OciImage.run(List.of("rm", "-rf", rootfs.toString()));
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "no log: " + e;
        }
    }

    /** policy-service's ConfigMap and Secret environment from the chart, aimed at the test's servers. */
    private static Map<String, String> chartEnvironment(Infrastructure infra, int port) {
        Manifests chart = Manifests.parse(HelmChart.render(HelmChart.values("minimal.yaml")));
        Map<String, String> env = new HashMap<>(chart.configMap("policy-service").getData());
        assertThat(env).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "VIGIL_DB_POLICY_REACTIVE_URL",
                "VIGIL_DB_POLICY_JDBC_URL", "QUARKUS_HTTP_PORT");
        env.put("KAFKA_BOOTSTRAP_SERVERS", infra.bootstrapServers());
        env.put("VIGIL_DB_POLICY_REACTIVE_URL", infra.postgres().reactiveUrl("policy"));
        env.put("VIGIL_DB_POLICY_JDBC_URL", infra.postgres().jdbcUrl("policy"));
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        env.put("VIGIL_DB_USER", infra.postgres().user());
        env.put("VIGIL_DB_PASSWORD", infra.postgres().password());
        env.put("VIGIL_API_KEYS", "image-test-key:full-access");
        return env;
    }
}
