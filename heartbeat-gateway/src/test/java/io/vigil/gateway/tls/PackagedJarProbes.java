package io.vigil.gateway.tls;

import io.vigil.gateway.support.GatewayProcess;
import io.vigil.testkit.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged gateway started exactly as its image and the chart start it: {@code java -jar quarkus-run.jar}, no JVM
 * option and no JVM-option environment variable, the mode in {@code VIGIL_GATEWAY_TLS_MODE}. The same external probes
 * as the {@code @QuarkusTest} mode tests then prove the mode's exact table: the gateway prepared its JVM itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PackagedJarProbes extends TlsModeProbes {

    private GatewayProcess gateway;

    @BeforeAll
    void startThePackagedJar() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path jar = target.resolve("quarkus-app/quarkus-run.jar");
        assertThat(jar).as("packaged by the build before integration tests").isRegularFile();
        Path work = Files.createDirectories(target.resolve("packaged-jar-" + mode().configName()));
        gateway = GatewayProcess.start(jar, work, work.resolve("ca"), Infrastructure.shared().bootstrapServers(),
                mode().configName(), List.of());
    }

    @AfterAll
    void stop() throws InterruptedException {
        if (gateway != null) {
            gateway.close();
        }
    }

    @Override
    int agentPort() {
        return gateway.agentPort;
    }

    @Test
    void theJvmRunsWithoutAnyOptionWithNativeCryptography() throws Exception {
        assertThat(gateway.commandLine()).containsExactly("-jar",
                Path.of("target/quarkus-app/quarkus-run.jar").toAbsolutePath().toString());
        assertThat(gateway.log()).doesNotContain("cannot serve TLS mode").doesNotContain("restricted method");
        assertThat(gateway.metrics()).contains("vigil_gateway_tls_native_crypto 1.0");
    }
}
