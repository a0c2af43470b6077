package io.vigil.agent.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.Json;
import io.vigil.agent.operations.OperationResult;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatBodyTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00.123Z");

    private static HeartbeatBody.Content content(List<OperationResult> results) {
        return new HeartbeatBody.Content("20.0.1-3445", T, 8123456, "Online", "sha256:" + "a".repeat(64),
                Map.of("firewallPacketsBlocked", 12L), results, 4118);
    }

    private static AgentLogEvent event(int id, int descriptionLength) {
        return new AgentLogEvent(id, "2026-11-25T09:59:01.000Z", "x".repeat(descriptionLength), Map.of("n", id));
    }

    @Test
    void carriesEveryMemberOfTheContract() {
        EventLog log = new EventLog();
        log.add(event(1, 10));

        JsonNode body = Json.parse(HeartbeatBody.build(content(List.of(OperationResult.applied(17),
                OperationResult.failed(18, "bad"))), log).json());

        assertThat(body.path("agentVersion").asText()).isEqualTo("20.0.1-3445");
        assertThat(body.path("agentTime").asText()).isEqualTo("2026-11-25T10:00:00.123Z");
        assertThat(body.path("uptimeMillis").asLong()).isEqualTo(8123456);
        assertThat(body.path("driverStatus").asText()).isEqualTo("Online");
        assertThat(body.path("configFingerprint").asText()).startsWith("sha256:");
        assertThat(body.path("counters").path("firewallPacketsBlocked").asLong()).isEqualTo(12);
        assertThat(body.path("counters").path("eventsDropped").asLong()).isZero();
        assertThat(body.path("events")).hasSize(1);
        assertThat(body.path("events").get(0).path("eventID").asInt()).isEqualTo(1);
        assertThat(body.path("operationResults").get(0).path("status").asText()).isEqualTo("applied");
        assertThat(body.path("operationResults").get(0).has("reason")).isFalse();
        assertThat(body.path("operationResults").get(1).path("reason").asText()).isEqualTo("bad");
        assertThat(body.path("listeningPort").asInt()).isEqualTo(4118);
    }

    @Test
    void withoutEventsOrResultsThoseMembersAreLeftOut() {
        JsonNode body = Json.parse(HeartbeatBody.build(content(List.of()), new EventLog()).json());

        assertThat(body.has("events")).isFalse();
        assertThat(body.has("operationResults")).isFalse();
    }

    @Test
    void staysWithinOneMebibyteAndSendsTheRestLaterInOrder() {
        EventLog log = new EventLog();
        for (int i = 0; i < 40; i++) {
            log.add(event(i, 60_000));
        }

        int next = 0;
        int bodies = 0;
        while (log.pendingCount() > 0) {
            HeartbeatBody.Built built = HeartbeatBody.build(content(List.of()), log);
            assertThat(built.json().length).isLessThanOrEqualTo(HeartbeatBody.MAX_BYTES);
            JsonNode body = Json.parse(built.json());
            for (JsonNode event : body.path("events")) {
                assertThat(event.path("eventID").asInt()).isEqualTo(next++);
            }
            assertThat(body.path("counters").path("eventsDropped").asLong()).isZero();
            bodies++;
        }

        assertThat(next).isEqualTo(40);
        assertThat(bodies).isEqualTo(3);
    }

    @Test
    void fillsTheLimitToTheByte() {
        EventLog log = new EventLog(1000, 1_000_000);
        for (int i = 0; i < 100; i++) {
            log.add(event(i, 10));
        }
        int fixed = HeartbeatBody.build(content(List.of()), new EventLog()).json().length;
        int one = Json.bytes(event(0, 10)).length;
        int limit = fixed + ",\"events\":[".length() + "]".length() + 3 * one + 2;

        HeartbeatBody.Built built = HeartbeatBody.build(content(List.of()), log, limit);

        assertThat(built.events().size()).isEqualTo(3);
        assertThat(built.json().length).isEqualTo(limit);
        assertThat(Json.parse(built.json()).path("events")).hasSize(3);
        assertThat(HeartbeatBody.build(content(List.of()), log, limit - 1).events().size()).isEqualTo(2);
    }

    @Test
    void anEntryThatCanNeverFitIsDroppedAndCounted() {
        EventLog log = new EventLog();
        log.add(event(1, 2 * 1024 * 1024));
        log.add(event(2, 10));

        JsonNode body = Json.parse(HeartbeatBody.build(content(List.of()), log).json());

        assertThat(body.path("counters").path("eventsDropped").asLong()).isEqualTo(1);
        assertThat(body.path("events")).hasSize(1);
        assertThat(body.path("events").get(0).path("eventID").asInt()).isEqualTo(2);
    }

    @Test
    void entriesOfAHeartbeatThatWasNotAcceptedGoAgainFirst() {
        EventLog log = new EventLog();
        log.add(event(1, 10));
        HeartbeatBody.Built lost = HeartbeatBody.build(content(List.of()), log);
        log.add(event(2, 10));

        log.restore(lost.events());

        JsonNode events = Json.parse(HeartbeatBody.build(content(List.of()), log).json()).path("events");
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("eventID").asInt()).isEqualTo(1);
        assertThat(events.get(1).path("eventID").asInt()).isEqualTo(2);
        assertThat(log.pendingCount()).isZero();
    }

    @Test
    void aFullBacklogDropsTheOldestAndCountsThem() {
        int size = Json.bytes(event(0, 100)).length;
        EventLog log = new EventLog(10_000, 3L * size);
        for (int i = 0; i < 5; i++) {
            log.add(event(i, 100));
        }

        JsonNode body = Json.parse(HeartbeatBody.build(content(List.of()), log).json());

        assertThat(body.path("counters").path("eventsDropped").asLong()).isEqualTo(2);
        assertThat(body.path("events").get(0).path("eventID").asInt()).isEqualTo(2);
        assertThat(body.path("events")).hasSize(3);
    }
}
