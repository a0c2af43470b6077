package io.vigil.webconsole.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.status.ComputerStatusChanged;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConsoleEventTest {

    @Test
    void aStatusChangeBecomesAComputerStatusEventWithTheCloudEventsTypeIdAndData() throws Exception {
        byte[] record = EventJson.toBytes(CloudEvents.create("/vigil/agent-registry", EventTypes.COMPUTER_STATUS_CHANGED,
                "computer/42", new ComputerStatusChanged(42, "web-01", "offline", "active", 3, "no answer",
                        Instant.parse("2026-12-06T10:00:00Z"))));
        ConsoleEvent event = ConsoleEvent.of(record).orElseThrow();
        assertThat(event.name()).isEqualTo("computer-status");
        JsonNode json = EventJson.mapper().readTree(event.json());
        assertThat(json.get("type").asText()).isEqualTo(EventTypes.COMPUTER_STATUS_CHANGED);
        assertThat(json.get("id").asText()).isNotBlank();
        assertThat(json.at("/data/computerID").asLong()).isEqualTo(42);
        assertThat(json.at("/data/agentStatus").asText()).isEqualTo("offline");
        assertThat(json.at("/data/offlineReason").asText()).isEqualTo("no answer");
    }

    @Test
    void everyAlertTransitionIsAnAlertEvent() {
        for (String type : new String[] {EventTypes.ALERT_RAISED, EventTypes.ALERT_UPDATED, EventTypes.ALERT_CLEARED,
                EventTypes.ALERT_DISMISSED}) {
            byte[] record = EventJson.toBytes(CloudEvents.create("/vigil/alert-service", type, "computer/1",
                    Map.of("ID", 5, "alertType", "clock-change", "state", "active")));
            assertThat(ConsoleEvent.of(record)).as(type).map(ConsoleEvent::name).contains("alert");
        }
    }

    @Test
    void whatThePageCannotUseIsLeftOut() {
        assertThat(ConsoleEvent.of(null)).isEmpty();
        assertThat(ConsoleEvent.of("not json".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ConsoleEvent.of("{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ConsoleEvent.of(EventJson.toBytes(CloudEvents.create("/x", "vigil.something.else.v1", "s",
                Map.of("a", 1))))).isEmpty();
        assertThat(ConsoleEvent.of(EventJson.toBytes(CloudEvents.create("/x", EventTypes.ALERT_RAISED, "s",
                "a text, no object")))).isEmpty();
    }
}
