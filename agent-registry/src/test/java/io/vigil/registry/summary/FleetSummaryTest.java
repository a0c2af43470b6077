package io.vigil.registry.summary;

import io.vigil.registry.computer.ConfigurationState;
import io.vigil.tls.TlsCompatibility.Status;
import io.vigil.tls.TlsMode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FleetSummaryTest {

    private static FleetSummary.Group group(String status, ConfigurationState config, String release, long n) {
        return new FleetSummary.Group(status, config, release, null, null, null, n);
    }

    @Test
    void anEmptyFleetHasEveryCountAtZero() {
        FleetSummary.Counts counts = new FleetSummary().counts();
        assertThat(counts.computers()).isZero();
        assertThat(counts.byAgentStatus()).containsOnlyKeys("active", "offline", "vm-stopped", "inactive")
                .allSatisfy((k, v) -> assertThat(v).isZero());
        assertThat(counts.configuration()).containsOnlyKeys(ConfigurationState.values())
                .allSatisfy((k, v) -> assertThat(v).isZero());
        assertThat(counts.byAgentRelease()).isEmpty();
        assertThat(counts.tls()).containsOnlyKeys(TlsMode.values());
        assertThat(ComputerSummary.of(counts).tlsCompatibility()).extracting(ComputerSummary.ByTlsMode::mode)
                .containsExactly("default", "legacy", "strong", "fips");
    }

    @Test
    void groupsAddUpByStatusAndOnlyComputersInServiceByTheRest() {
        FleetSummary.Counts counts = new FleetSummary()
                .add(group("active", ConfigurationState.UP_TO_DATE, "20", 5))
                .add(group("active", ConfigurationState.OUT_OF_DATE, "20", 2))
                .add(group("offline", ConfigurationState.UNKNOWN, "12.0", 3))
                .add(group("vm-stopped", ConfigurationState.UP_TO_DATE, null, 1))
                .add(group("inactive", ConfigurationState.OUT_OF_DATE, "20", 4))
                .counts();
        assertThat(counts.computers()).isEqualTo(15);
        assertThat(counts.byAgentStatus()).isEqualTo(Map.of("active", 7L, "offline", 3L, "vm-stopped", 1L,
                "inactive", 4L));
        assertThat(counts.configuration()).isEqualTo(Map.of(ConfigurationState.UP_TO_DATE, 6L,
                ConfigurationState.OUT_OF_DATE, 2L, ConfigurationState.UNKNOWN, 3L));
        assertThat(counts.byAgentRelease()).containsExactly(Map.entry("12.0", 3L), Map.entry("20", 7L),
                new java.util.AbstractMap.SimpleEntry<>(null, 1L));
        counts.tls().forEach((mode, verdicts) -> assertThat(verdicts.values().stream().mapToLong(Long::longValue)
                .sum()).as(mode.configName()).isEqualTo(11));
    }

    @Test
    void theSameGroupTwiceCountsTwice() {
        FleetSummary summary = new FleetSummary();
        summary.add(group("active", ConfigurationState.UNKNOWN, "20", 1));
        summary.add(group("active", ConfigurationState.UNKNOWN, "20", 1));
        assertThat(summary.counts().byAgentRelease()).containsExactly(Map.entry("20", 2L));
        assertThat(summary.counts().byAgentStatus().get("active")).isEqualTo(2);
    }

    @Test
    void eachModeJudgesByReleaseVersionAndLastTls() {
        FleetSummary.Counts counts = new FleetSummary()
                .add(group("active", ConfigurationState.UNKNOWN, "9.5", 2))
                .add(new FleetSummary.Group("active", ConfigurationState.UNKNOWN, null, "20.0.1-3445", null, null, 3))
                .add(group("offline", ConfigurationState.UNKNOWN, null, 1))
                .counts();
        assertThat(counts.tls().get(TlsMode.DEFAULT)).isEqualTo(Map.of(Status.COMPATIBLE, 3L, Status.CUT_OFF, 2L,
                Status.UNKNOWN, 1L));
        assertThat(counts.tls().get(TlsMode.LEGACY)).isEqualTo(Map.of(Status.COMPATIBLE, 5L, Status.CUT_OFF, 0L,
                Status.UNKNOWN, 1L));
        assertThat(counts.tls().get(TlsMode.STRONG).get(Status.CUT_OFF)).isEqualTo(2);
        assertThat(counts.tls().get(TlsMode.STRONG).get(Status.UNKNOWN)).isEqualTo(1);
    }

    @Test
    void anUnknownStatusIsRefused() {
        assertThatThrownBy(() -> new FleetSummary().add(group("sleeping", ConfigurationState.UNKNOWN, "20", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sleeping");
    }

    @Test
    void configurationStateOfTwoFingerprints() {
        assertThat(ConfigurationState.of("sha256:a", "sha256:a")).isEqualTo(ConfigurationState.UP_TO_DATE);
        assertThat(ConfigurationState.of("sha256:a", "sha256:b")).isEqualTo(ConfigurationState.OUT_OF_DATE);
        assertThat(ConfigurationState.of(null, "sha256:b")).isEqualTo(ConfigurationState.UNKNOWN);
        assertThat(ConfigurationState.of("sha256:a", null)).isEqualTo(ConfigurationState.UNKNOWN);
        assertThat(ConfigurationState.OUT_OF_DATE).hasToString("out-of-date");
    }
}
