package io.vigil.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JVM options the gateway needs for a TLS mode, prepared as {@code ./vigil up} does: the gateway writes the
 * overlay of {@code jdk.tls.disabledAlgorithms} for its mode, and runs with it (see heartbeat-gateway/README.md).
 */
final class GatewayJvm {

    private GatewayJvm() {
    }

    static List<String> options(Path gatewayJar, Path state, String mode) {
        Path file = state.resolve("gateway-java-" + mode + ".security");
        try {
            Process p = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-jar",
                    gatewayJar.toString(), "java-security", mode, file.toString()).redirectErrorStream(true)
                    .redirectOutput(state.resolve("java-security.log").toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("could not prepare TLS mode " + mode + ": see "
                        + state.resolve("java-security.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return List.of("-Djava.security.properties=" + file, "-Djdk.tls.client.protocols=TLSv1.3,TLSv1.2");
    }
}
