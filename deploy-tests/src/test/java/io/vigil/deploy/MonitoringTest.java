package io.vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opt-in Grafana dashboard and PrometheusRule: absent by default, rendered when switched on, every query scoped
 * to the release's namespace, every rule the README names present, Helm expressions resolved and Prometheus'
 * template expressions ({@code $labels}) kept for Alertmanager. Whether their metrics exist is checked against the
 * running services by the system tests ({@code MonitoringSystemTest}).
 */
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Manifests switchedOn = Manifests.parse(HelmChart.render(Map.of(
            "grafanaDashboard.enabled", true, "prometheusRule.enabled", true,
            "prometheusRule.certificateExpiryDays", 21, "prometheusRule.labels.release", "kube-prometheus")));

    @Test
    void neitherIsRenderedByDefault() {
        Manifests defaults = Manifests.parse(HelmChart.render());
        assertThat(defaults.ofKind("PrometheusRule")).isEmpty();
        assertThat(defaults.all(ConfigMap.class)).noneMatch(c -> c.getMetadata().getName().endsWith("-dashboard"));
    }

    @Test
    void theDashboardIsAConfigMapForTheGrafanaSidecarWithNamespaceScopedQueries() throws Exception {
        ConfigMap map = switchedOn.get(ConfigMap.class, HelmChart.RELEASE + "-dashboard");
        assertThat(map.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        JsonNode dashboard = JSON.readTree(map.getData().get("vigil-dashboard.json"));
        assertThat(dashboard.get("uid").asText()).isEqualTo("vigil-platform");
        List<String> titles = new ArrayList<>();
        List<String> expressions = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> {
            titles.add(panel.get("title").asText());
            panel.get("targets").forEach(t -> expressions.add(t.get("expr").asText()));
        });
        assertThat(titles).contains("Heartbeats received", "Detection latency (deadline to stored alert)",
                "Consumer lag", "Alerts raised and cleared", "Fleet by status", "SIEM delivery");
        assertThat(expressions).isNotEmpty().allSatisfy(e -> assertThat(e).contains("namespace=\"$namespace\""));
    }

    @Test
    void theRuleAlertsOnThePlatformsOwnTroubleInTheReleaseNamespace() {
        GenericKubernetesResource rule = switchedOn.ofKind("PrometheusRule").getFirst();
        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "kube-prometheus");
        Map<?, ?> spec = (Map<?, ?>) rule.getAdditionalProperties().get("spec");
        Map<?, ?> group = (Map<?, ?>) ((List<?>) spec.get("groups")).getFirst();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules = (List<Map<String, Object>>) group.get("rules");
        assertThat(rules).extracting(r -> r.get("alert")).containsExactly("VigilEngineNotJudging",
                "VigilConsumerLagGrowing", "VigilDetectionLatencyHigh", "VigilHeartbeatsRefused",
                "VigilGatewayWithoutNativeCryptography", "VigilSiemReceiverDown", "VigilCertificateExpiresSoon");
        for (Map<String, Object> r : rules) {
            String expr = r.get("expr").toString();
            assertThat(expr).as(r.get("alert").toString()).contains("namespace=\"" + HelmChart.NAMESPACE + "\"")
                    .doesNotContain("{{");
            assertThat(r.get("for")).isNotNull();
            assertThat(r.get("labels")).asString().containsAnyOf("severity=critical", "severity=warning");
        }
        Map<String, Object> expiry = rules.getLast();
        assertThat(expiry.get("expr").toString()).endsWith("< " + 21 * 86_400);
        assertThat(expiry.get("annotations").toString()).contains("{{ $labels.certificate }}")
                .contains("within 21 days");
    }
}
