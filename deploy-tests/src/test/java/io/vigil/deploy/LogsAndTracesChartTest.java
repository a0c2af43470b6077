package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * logging.json (on by default) and tracing.* (off by default) reach the five services; web-console has neither
 * extension yet and gets neither setting.
 */
class LogsAndTracesChartTest {

    private static final String ENDPOINT = "http://otel-collector.monitoring:4318/v1/traces";

    @Test
    void byDefaultLogsAreJsonAndNoTraceIsExported() {
        Manifests defaults = Manifests.parse(HelmChart.render());
        for (Component c : Component.ALL) {
            if (c == Component.WEB_CONSOLE) {
                assertThat(defaults.configMap(c.name()).getData()).doesNotContainKey("QUARKUS_LOG_CONSOLE_JSON_ENABLED");
                continue;
            }
            assertThat(defaults.configMap(c.name()).getData()).as(c.name())
                    .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
                    .doesNotContainKeys("QUARKUS_OTEL_SDK_DISABLED", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
            assertThat(NetworkPolicyTest.egressPorts(defaults.get(NetworkPolicy.class, c.resourceName())))
                    .as(c.name()).doesNotContain(4318);
        }
    }

    @Test
    void tracingSendsEveryServicesSpansToTheCollectorItMayReach() {
        Manifests traced = Manifests.parse(HelmChart.render(Map.of("tracing.enabled", "true",
                "tracing.otlpEndpoint", ENDPOINT, "logging.json", "false")));
        for (Component c : Component.ALL) {
            if (c == Component.WEB_CONSOLE) {
                assertThat(traced.configMap(c.name()).getData()).doesNotContainKey("QUARKUS_OTEL_SDK_DISABLED");
                continue;
            }
            assertThat(traced.configMap(c.name()).getData()).as(c.name())
                    .containsEntry("QUARKUS_OTEL_SDK_DISABLED", "false")
                    .containsEntry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", ENDPOINT)
                    .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
            assertThat(NetworkPolicyTest.egressPorts(traced.get(NetworkPolicy.class, c.resourceName())))
                    .as(c.name()).contains(4318);
        }
    }

    @Test
    void tracingWithoutAnEndpointIsRefused() {
        assertThatThrownBy(() -> HelmChart.render(Map.of("tracing.enabled", "true")))
                .hasMessageContaining("tracing.otlpEndpoint is required when tracing.enabled");
        assertThatThrownBy(() -> HelmChart.render(Map.of("tracing.otlpEndpoint", "collector:4318")))
                .hasMessageContaining("otlpEndpoint");
    }
}
