package io.vigil.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform CA and the service certificates of agent-registry and policy-service, made by the gateway's own
 * {@code init-ca} and {@code issue-service-cert} commands (as {@code ./vigil up} and the chart's CA Job make them), and
 * the environment each service needs for them (plus loopback-only listening and a console API key).
 */
final class ServiceCertificates {

    private final Path dir;

    private ServiceCertificates(Path dir) {
        this.dir = dir;
    }

    static ServiceCertificates create(Path gatewayJar, Path dir, Path logs) {
        gateway(gatewayJar, logs.resolve("ca-init.log"), "init-ca", dir.resolve("ca").toString());
        gateway(gatewayJar, logs.resolve("ca-init.log"), "issue-service-cert", dir.resolve("ca").toString(),
                dir.resolve("services").toString(), "agent-registry", "policy-service");
        return new ServiceCertificates(dir);
    }

    private static void gateway(Path jar, Path log, String... args) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException(args[0] + " failed: see " + log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("VIGIL_SERVICE_TLS_CA", dir.resolve("ca/ca.crt").toString());
        env.put("VIGIL_SERVICE_TLS_CERTIFICATE", dir.resolve("services/" + service + ".crt").toString());
        env.put("VIGIL_SERVICE_TLS_KEY", dir.resolve("services/" + service + ".key").toString());
        env.put("VIGIL_GATEWAY_CA_DIR", dir.resolve("ca").toString());
        env.put("VIGIL_REGISTRY_CA_CERTIFICATE", dir.resolve("ca/ca.crt").toString());
        if (List.of("policy-service", "agent-registry", "alert-service").contains(service)) {
            env.put("VIGIL_API_KEYS", "secured-failures-key:full-access");
        }
        return env;
    }
}
