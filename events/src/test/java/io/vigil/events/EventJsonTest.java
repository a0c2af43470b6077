package io.vigil.events;

import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.status.ComputerStatusChanged;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventJsonTest {

    @Test
    void writesStructuredCloudEventWithRfc3339MillisecondTimes() {
        var data = new ComputerStatusChanged(42, "web-01", "offline", "active", 3, null,
                Instant.parse("2026-11-25T10:00:00.123456Z"));
        CloudEvent<ComputerStatusChanged> event = CloudEvents.create("id-1", "/vigil/agent-registry",
                EventTypes.COMPUTER_STATUS_CHANGED, "42", data, Instant.parse("2026-11-25T10:00:00.123456Z"));

        String json = EventJson.toJson(event);

        assertThat(json).contains("\"specversion\":\"1.0\"", "\"subject\":\"42\"",
                "\"time\":\"2026-11-25T10:00:00.123Z\"", "\"datacontenttype\":\"application/json\"");
        CloudEvent<ComputerStatusChanged> back = EventJson.readEvent(json, ComputerStatusChanged.class);
        assertThat(back.id()).isEqualTo("id-1");
        assertThat(back.data()).isEqualTo(data);
    }

    @Test
    void ignoresUnknownMembersSoThatTypesCanGrow() {
        String json = "{\"id\":\"x\",\"type\":\"t\",\"specversion\":\"1.0\",\"future\":1,"
                + "\"data\":{\"computerID\":7,\"agentStatus\":\"active\",\"newField\":true,\"missedHeartbeats\":0}}";
        assertThat(EventJson.readEvent(json, ComputerStatusChanged.class).data().computerID()).isEqualTo(7);
    }

    @Test
    void refusesRecordsThatAreNotCloudEvents() {
        assertThatThrownBy(() -> EventJson.readEvent("{\"data\":{}}", ComputerStatusChanged.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
        assertThatThrownBy(() -> EventJson.readEvent("not json", ComputerStatusChanged.class))
                .isInstanceOf(EventJson.MalformedEventException.class);
    }
}
