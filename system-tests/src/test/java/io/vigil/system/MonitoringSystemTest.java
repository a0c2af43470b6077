package io.vigil.system;

import io.vigil.testkit.FreePorts;
import io.vigil.testkit.PlainHttp;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric the chart's Grafana dashboard and PrometheusRule use is one the running services export on
 * {@code /q/metrics}: a renamed meter fails here instead of leaving an empty panel or a rule that never fires.
 */
class MonitoringSystemTest {

    private static final Pattern METRIC = Pattern.compile("\\bvigil_[a-z0-9_]+");

    private final Platform platform = Platform.shared();

    @Test
    void theDashboardAndTheRulesUseOnlyExportedMetrics() throws Exception {
        Path monitoring = platform.root.resolve("helm/vigil/files/monitoring");
        Set<String> used = metricNames(Files.readString(monitoring.resolve("vigil-dashboard.json")));
        used.addAll(metricNames(Files.readString(monitoring.resolve("prometheus-rules.yaml"))));
        assertThat(used).contains("vigil_gateway_heartbeats_received_total", "vigil_registry_computers",
                "vigil_alerts_open", "vigil_certificate_expiry_seconds");

        Set<String> exported = new TreeSet<>();
        Map<String, Integer> ports = Map.of("policy-service", platform.policyPort,
                "agent-registry", platform.registryPort, "alert-service", platform.alertPort,
                "heartbeat-gateway", platform.gatewayManagementPort);
        for (Map.Entry<String, Integer> service : ports.entrySet()) {
            exported.addAll(exportedBy(service.getKey(), service.getValue()));
        }
        ServiceProcess forwarder = siemForwarderWithAReceiver();
        try {
            forwarder.start().awaitReady();
            exported.addAll(exportedBy("siem-forwarder", forwarderPort));
        } finally {
            forwarder.stop();
        }
        assertThat(exported).as("exported by the services").containsAll(used);
    }

    /** As deployed (its image under the container runtime, when the system tests run containers) too. */
    @Test
    void theGatewayServesItsHandshakesWithNativeCryptography() {
        assertThat(scrape(platform.url(platform.gatewayManagementPort) + "/q/metrics"))
                .contains("vigil_gateway_tls_native_crypto 1.0");
    }

    private final int forwarderPort = FreePorts.next();

    /**
     * The platform's siem-forwarder has no syslog receiver (it forwards nothing); deployed, it has one, and its
     * delivery metrics are per receiver. This one is given a receiver that does not listen.
     */
    private ServiceProcess siemForwarderWithAReceiver() {
        Map<String, String> env = platform.environmentOf("siem-forwarder");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(forwarderPort));
        env.put("VIGIL_SIEM_SYSLOG_URL", "tcp://127.0.0.1:" + FreePorts.next());
        return new ServiceProcess("siem-forwarder-monitored", platform.appJar("siem-forwarder"), List.of(), env,
                URI.create(platform.url(forwarderPort) + "/q/health/ready"),
                platform.logs.resolve("siem-forwarder-monitored.log"));
    }

    private Set<String> exportedBy(String service, int port) {
        Set<String> names = exportedNames(scrape(platform.url(port) + "/q/metrics"));
        assertThat(names).as(service + " exports metrics").isNotEmpty();
        return names;
    }

    private static Set<String> metricNames(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC.matcher(text);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    /** Names of the samples in a Prometheus text exposition (comments left out). */
    private static Set<String> exportedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.startsWith("#") && !line.isBlank()) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    /** The metrics page, asked again while the service does not answer 200 in time (a restart, a busy machine). */
    private static String scrape(String url) {
        return await(url).atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> PlainHttp.get(url), response -> response.statusCode() == 200).body();
    }
}
