package io.vigil.gateway;

import io.vigil.gateway.support.GatewayProcess;
import io.vigil.testkit.Infrastructure;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings the gateway cannot work with end its start, naming the setting, rather than failing the first heartbeat
 * that needs them: the packaged jar as the image runs it, on a real broker.
 */
class PackagedJarSettingsIT {

    @Test
    void aProducerLingerBeyondOneSecondEndsTheStartNamingTheSetting() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        Path jar = target.resolve("quarkus-app/quarkus-run.jar");
        assertThat(jar).as("packaged by the build before integration tests").isRegularFile();
        Path work = Files.createDirectories(target.resolve("packaged-jar-settings"));

        GatewayProcess.Refusal refusal = GatewayProcess.refusedStart(jar, work, work.resolve("ca"),
                Infrastructure.shared().bootstrapServers(), "default", Map.of("VIGIL_GATEWAY_PUBLISH_LINGER", "2s"));

        assertThat(refusal.exitCode()).isNotZero();
        assertThat(refusal.log()).contains("vigil.gateway.publish.linger must be between 0 and PT1S");
    }
}
