package io.vigil.system;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The system tests give each service the environment names the chart renders for it, and no others, except the
 * differences listed here with their reasons (and documented in test-support/README.md). Runs without a platform.
 */
class ServiceEnvironmentDriftTest {

    static final List<String> SERVICES = List.of("policy-service", "agent-registry", "alert-service",
            "heartbeat-gateway", "siem-forwarder", "web-console");

    /** Names the chart sets that the system tests leave out. */
    static final Map<String, String> CHART_ONLY = Map.of(
            "KAFKA_SASL_MECHANISM", "the system tests' broker is plaintext (SASL_SSL: the deploy rehearsal)",
            "KAFKA_SASL_JAAS_CONFIG", "the system tests' broker is plaintext (SASL_SSL: the deploy rehearsal)");

    /** Names only the system tests set. */
    static final Map<String, String> TEST_ONLY = Map.ofEntries(
            Map.entry("QUARKUS_HTTP_HOST", "every port binds to loopback: the services share the host's network"),
            Map.entry("QUARKUS_MANAGEMENT_HOST", "every port binds to loopback: the services share the host's network"),
            Map.entry("VIGIL_MANAGED_API_KEYS_USAGE_INTERVAL", "a managed key's last use is reported within 2 s"),
            Map.entry("VIGIL_CONSOLE_PROXY_POLICY_SERVICE", "no ingress: the web console forwards /api itself"),
            Map.entry("VIGIL_CONSOLE_PROXY_AGENT_REGISTRY", "no ingress: the web console forwards /api itself"),
            Map.entry("VIGIL_CONSOLE_PROXY_ALERT_SERVICE", "no ingress: the web console forwards /api itself"),
            Map.entry("QUARKUS_OTEL_SDK_DISABLED", "tracing on, as the chart's tracing.enabled sets it"),
            Map.entry("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "the test's own OTLP receiver"),
            Map.entry("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "spans exported once a second, for TracingSystemTest"));

    private static final Path ROOT = Path.of(System.getProperty("vigil.root", "..")).toAbsolutePath().normalize();

    private static Map<String, String> testEnvironment(String service) {
        var infrastructure = new ServiceEnvironment.Infrastructure("127.0.0.1:9092", "postgres", "secret",
                Map.of("policy", "jdbc:p", "registry", "jdbc:r", "alerts", "jdbc:a"),
                Map.of("policy", "postgresql:p", "registry", "postgresql:r", "alerts", "postgresql:a"),
                Path.of("/state/ca"), Path.of("/state/services"), Path.of("/state/api-keys"));
        return new ServiceEnvironment(infrastructure, new PlatformPorts(1, 2, 3, 4, 5, 6, 7, 8, 9),
                "http://127.0.0.1:10/v1/traces").of(service);
    }

    @Test
    void eachServiceGetsTheChartsNamesExceptTheDocumentedDifferences() throws Exception {
        ChartEnvironmentNames chart = ChartEnvironmentNames.read(ROOT.resolve("deploy/vigil.yaml"));
        Set<String> chartOnlySeen = new HashSet<>();
        Set<String> testOnlySeen = new HashSet<>();
        for (String service : SERVICES) {
            Set<String> rendered = chart.of(service);
            Set<String> tested = testEnvironment(service).keySet();
            Set<String> missing = new TreeSet<>(rendered);
            missing.removeAll(tested);
            Set<String> extra = new TreeSet<>(tested);
            extra.removeAll(rendered);
            assertThat(missing).as(service + ": names the chart sets and the system tests do not")
                    .isSubsetOf(CHART_ONLY.keySet());
            assertThat(extra).as(service + ": names the system tests set and the chart does not")
                    .isSubsetOf(TEST_ONLY.keySet());
            chartOnlySeen.addAll(missing);
            testOnlySeen.addAll(extra);
        }
        assertThat(chartOnlySeen).as("documented chart-only names that are no longer a difference")
                .containsExactlyInAnyOrderElementsOf(CHART_ONLY.keySet());
        assertThat(testOnlySeen).as("documented test-only names that are no longer a difference")
                .containsExactlyInAnyOrderElementsOf(TEST_ONLY.keySet());
    }

    @Test
    void theReadmeDocumentsEveryDifference() throws Exception {
        String readme = Files.readString(ROOT.resolve("test-support/README.md"));
        Set<String> documented = new TreeSet<>(CHART_ONLY.keySet());
        documented.addAll(TEST_ONLY.keySet());
        for (String name : documented) {
            assertThat(readme).as("test-support/README.md names " + name).contains("`" + name + "`");
        }
    }
}
