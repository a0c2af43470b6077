package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the capacity benchmark reads from the running platform: counters, heaps, alerts, the machine's load. */
final class PlatformProbe {

    static final List<String> SERVICES = ProcessCpu.PARTS.subList(0, 5);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An offline alert raised: its computer, its deadline, and when it was on {@code vigil.alerts}. */
    record OfflineAlert(long computerID, Instant deadline, Instant published) {
        double latencyMillis() {
            return Duration.between(deadline, published).toNanos() / 1e6;
        }
    }

    private final Platform platform;

    PlatformProbe(Platform platform) {
        this.platform = platform;
    }

    /** A counter of a service's {@code /q/metrics} (the sum of its series, e.g. over tags); 0 when absent. */
    double counter(String service, String name) {
        return counter(service, name, "");
    }

    /** The sum of a counter's series whose labels contain {@code label} (e.g. {@code outcome="busy"}). */
    double counter(String service, String name, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$")
                .matcher(metrics(service));
        double sum = 0;
        while (m.find()) {
            if (label.isEmpty() || m.group(1) != null && m.group(1).contains(label)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    /**
     * Whether alert-service has a platform-outage open: raised more often than cleared (its counters move with each
     * transition; the open-alert gauges are refreshed from the database only every 15 s).
     */
    boolean platformOutageOpen() {
        String type = "alertType=\"platform-outage\"";
        return counter("alert-service", "vigil_alerts_raised_total", type)
                > counter("alert-service", "vigil_alerts_cleared_total", type);
    }

    private String metrics(String service) {
        int port = switch (service) {
            case "heartbeat-gateway" -> platform.gatewayManagementPort;
            case "agent-registry" -> platform.registryPort;
            case "alert-service" -> platform.alertPort;
            case "policy-service" -> platform.policyPort;
            case "siem-forwarder" -> platform.siemPort;
            default -> throw new IllegalArgumentException(service);
        };
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(platform.url(port) + "/q/metrics"))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Live heap of each service after a full GC. */
    Map<String, Long> heaps() {
        Map<String, Long> heaps = new LinkedHashMap<>();
        SERVICES.forEach(s -> heaps.put(s, ServiceHeap.liveBytes(platform.service(s).pid())));
        return heaps;
    }

    int postgresPort() {
        return URI.create(platform.infrastructure.postgres().reactiveUrl("x")).getPort();
    }

    /** Every agent-offline alert raised so far, from {@code vigil.alerts}. */
    List<OfflineAlert> offlineAlerts() {
        List<OfflineAlert> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicRecords.all(platform.infrastructure.bootstrapServers(),
                Topics.ALERTS)) {
            try {
                JsonNode event = JSON.readTree(record.value());
                JsonNode data = event.path("data");
                if (EventTypes.ALERT_RAISED.equals(event.path("type").asText())
                        && "agent-offline".equals(data.path("alertType").asText())) {
                    found.add(new OfflineAlert(data.path("computerID").asLong(),
                            instant(data.path("details").path("deadline")), Instant.ofEpochMilli(record.timestamp())));
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable alert " + record.value(), e);
            }
        }
        return found;
    }

    private static Instant instant(JsonNode value) {
        return value.isNumber() ? Instant.ofEpochMilli(value.asLong()) : Instant.parse(value.asText());
    }

    /** The machine's 1-minute load average. */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return -1;
        }
    }
}
