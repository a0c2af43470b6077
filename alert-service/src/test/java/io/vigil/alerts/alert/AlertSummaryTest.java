package io.vigil.alerts.alert;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AlertSummaryTest {

    @Test
    void nothingOpenListsEveryTypeAndSeverityAtZero() {
        AlertSummary summary = AlertSummary.of(Map.of());
        assertThat(summary.open()).isZero();
        assertThat(summary.byType()).extracting(AlertSummary.ByType::alertType)
                .containsExactly("agent-offline", "clock-change", "platform-outage");
        assertThat(summary.byType()).allSatisfy(t -> assertThat(t.open()).isZero());
        assertThat(summary.bySeverity()).containsExactly(new AlertSummary.BySeverity("critical", 0),
                new AlertSummary.BySeverity("warning", 0));
    }

    @Test
    void severitiesAddUpTheirTypes() {
        AlertSummary summary = AlertSummary.of(Map.of("agent-offline", 7L, "clock-change", 2L, "platform-outage", 1L));
        assertThat(summary.open()).isEqualTo(10);
        assertThat(summary.byType()).containsExactly(
                new AlertSummary.ByType("agent-offline", "Agent/Appliance Offline", "critical", 7),
                new AlertSummary.ByType("clock-change", "Computer Clock Change", "warning", 2),
                new AlertSummary.ByType("platform-outage", "Heartbeat Outage", "critical", 1));
        assertThat(summary.bySeverity()).containsExactly(new AlertSummary.BySeverity("critical", 8),
                new AlertSummary.BySeverity("warning", 2));
    }

    @Test
    void aTypeThatIsNoTypeIsNotCounted() {
        AlertSummary summary = AlertSummary.of(Map.of("agent-offline", 1L, "retired-type", 5L));
        assertThat(summary.open()).isEqualTo(1);
        assertThat(summary.bySeverity().stream().mapToLong(AlertSummary.BySeverity::open).sum()).isEqualTo(1);
    }
}
