package io.vigil.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliOptionsTest {

    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    @TempDir
    Path dir;

    @Test
    void theDemoFleetCommandLine() throws Exception {
        Path keyFile = Files.writeString(dir.resolve("api-key"), "KEY\n");
        CliOptions o = CliOptions.parse(List.of("--gateway", "https://127.0.0.1:4120", "--registry",
                "http://127.0.0.1:8082", "--api-key-file", keyFile.toString(), "--count", "5", "--host-prefix",
                "demo-"), NO_ENVIRONMENT);

        assertThat(o.count()).isEqualTo(5);
        assertThat(o.apiKey()).isEqualTo("KEY");
        assertThat(o.release()).isEqualTo("20");
        assertThat(o.listenBasePort()).isEqualTo(4118);

        List<AgentSettings> settings = SimulatorMain.settings(o, "T", "a".repeat(64));
        assertThat(settings).extracting(AgentSettings::hostName)
                .containsExactly("demo-1", "demo-2", "demo-3", "demo-4", "demo-5");
        assertThat(settings).extracting(AgentSettings::listeningPort).containsExactly(4118, 4119, 4120, 4121, 4122);
        assertThat(settings.getFirst().agentVersion()).isEqualTo("20.0.1-3445");
    }

    @Test
    void everyAgentOptionReachesTheSettings() {
        CliOptions o = CliOptions.parse(List.of("--token", "T", "--ca-sha256", "b".repeat(64), "--release",
                "10.0 U16", "--tls-variant", "strong", "--platform", "Windows", "--computer-type", "virtual-machine",
                "--clock-skew", "-90", "--no-listen", "--agent-address", "10.1.2.3", "--shared-key"));

        AgentSettings s = SimulatorMain.settings(o, o.token(), o.caSha256()).getFirst();
        assertThat(s.agentRelease()).isEqualTo("10.0 U16");
        assertThat(s.agentVersion()).isEqualTo("10.0.0-1016");
        assertThat(s.tlsProfile().variant()).isEqualTo("strong");
        assertThat(s.platform()).isEqualTo("Windows");
        assertThat(s.computerType()).isEqualTo("virtual-machine");
        assertThat(s.clockSkew()).isEqualTo(Duration.ofSeconds(-90));
        assertThat(s.listen()).isFalse();
        assertThat(s.agentAddress()).isEqualTo("10.1.2.3");
        assertThat(s.keyPairs().get()).isSameAs(s.keyPairs().get());
    }

    @Test
    void theKeyComesFromTheEnvironmentWithoutAFileAndNeverFromTheCommandLine() throws Exception {
        assertThat(CliOptions.parse(List.of("--count", "2"), name -> name.equals("VIGIL_API_KEY") ? "ENVKEY" : null)
                .apiKey()).isEqualTo("ENVKEY");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--api-key", "K"), NO_ENVIRONMENT))
                .hasMessageContaining("--api-key-file");
        Path empty = Files.writeString(dir.resolve("empty"), "\n");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--api-key-file", empty.toString()), NO_ENVIRONMENT))
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--api-key-file", dir.resolve("none").toString()),
                NO_ENVIRONMENT)).hasMessageContaining("cannot read");
    }

    @Test
    void mistakesAreRefusedWithAMessage() {
        UnaryOperator<String> key = name -> "K";
        assertThatThrownBy(() -> CliOptions.parse(List.of("--count", "5"), NO_ENVIRONMENT))
                .hasMessageContaining("--api-key-file");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--token", "T"), NO_ENVIRONMENT))
                .hasMessageContaining("--ca-sha256");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--bogus"), key)).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--count"), key)).hasMessageContaining("value");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--count", "0"), key)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--listen-base-port", "65000", "--count", "1000"), key))
                .hasMessageContaining("65535");
    }
}
