package io.vigil.agent;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliOptionsTest {

    @Test
    void theDemoFleetCommandLine() {
        CliOptions o = CliOptions.parse(List.of("--gateway", "https://127.0.0.1:4120", "--registry",
                "http://127.0.0.1:8082", "--api-key", "KEY", "--count", "5", "--host-prefix", "demo-"));

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
    void mistakesAreRefusedWithAMessage() {
        assertThatThrownBy(() -> CliOptions.parse(List.of("--count", "5"))).hasMessageContaining("--api-key");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--token", "T"))).hasMessageContaining("--ca-sha256");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--api-key", "K", "--bogus"))).hasMessageContaining("--bogus");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--api-key", "K", "--count"))).hasMessageContaining("value");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--api-key", "K", "--count", "0"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> CliOptions.parse(List.of("--api-key", "K", "--listen-base-port", "65000",
                "--count", "1000"))).hasMessageContaining("65535");
    }
}
