package io.vigil.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.operations.OperationFailures;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.TestAgent;
import io.vigil.gateway.support.Topics;
import io.vigil.testkit.VigilTestResource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The failure memory is shared by every gateway replica through {@code vigil.internal.operation-failures}: what
 * another replica published blocks the operation here, and what this replica records is published.
 */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class SharedFailureMemoryTest {

    /** A fingerprint no expected configuration has: the computer runs a stale configuration. */
    private static final String STALE_FP = ConfigFingerprint.of(
            new AgentConfiguration(3600, "Bidirectional", null, List.of("10.9.9.9")));

    private static TestAgent activated(String host) {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        agent.activate("good-" + host, host);
        return agent;
    }

    private static Optional<JsonNode> update(TestAgent agent, String body) {
        HttpResponse<String> response = agent.post("/agent/v1/heartbeat", body);
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode operations = TestAgent.read(response.body()).get("operations");
        return StreamSupport.stream(operations.spliterator(), false)
                .filter(op -> "UpdateConfiguration".equals(op.get("type").asText())).findFirst();
    }

    private static Optional<JsonNode> update(TestAgent agent) {
        return update(agent, TestAgent.heartbeat(STALE_FP));
    }

    private static String withResult(long operationID, String status, String reason) {
        return TestAgent.heartbeat(STALE_FP).replace("}}", "},\"operationResults\":[{\"operationID\":" + operationID
                + ",\"status\":\"" + status + "\"" + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + "}]}");
    }

    @Test
    void aFailureAnotherReplicaPublishedIsNotSentHereUntilItIsCleared() {
        TestAgent blocked = activated("sf-01");
        TestAgent other = activated("sf-02");
        long operationID = update(blocked).orElseThrow().get("operationID").asLong();
        assertThat(update(other)).as("the other stale computer gets its update").isPresent();

        // "another replica" recorded the agent's failure
        Topics.publish(io.vigil.events.Topics.OPERATION_FAILURES, blocked.computerID, EventTypes.OPERATION_FAILURES,
                new OperationFailures(blocked.computerID, List.of(new OperationFailures.Failed(operationID,
                        "UpdateConfiguration", "disk full", Instant.now()))));
        await().atMost(Duration.ofSeconds(10)).until(() -> update(blocked).isEmpty());
        assertThat(update(other)).as("only the computer whose operation failed is spared").isPresent();

        // a tombstone (the other replica saw it applied) lets the operation through again
        Topics.tombstone(io.vigil.events.Topics.OPERATION_FAILURES, blocked.computerID);
        await().atMost(Duration.ofSeconds(10)).until(() -> update(blocked)
                .filter(op -> op.get("operationID").asLong() == operationID).isPresent());
    }

    @Test
    void aFailureReportedHereIsPublishedAndAnAppliedResultTombstonesIt() {
        TestAgent agent = activated("sf-03");
        long operationID = update(agent).orElseThrow().get("operationID").asLong();
        String key = Long.toString(agent.computerID);
        try (KafkaConsumer<String, String> failures = Topics.tail(io.vigil.events.Topics.OPERATION_FAILURES)) {
            assertThat(update(agent, withResult(operationID, "failed", "disk full"))).isEmpty();

            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                seen.addAll(Topics.poll(failures));
                return seen.stream().anyMatch(r -> r.key().equals(key));
            });
            ConsumerRecord<String, String> published = seen.stream().filter(r -> r.key().equals(key))
                    .findFirst().orElseThrow();
            CloudEvent<OperationFailures> event = EventJson.readEvent(published.value(), OperationFailures.class);
            assertThat(event.type()).isEqualTo(EventTypes.OPERATION_FAILURES);
            assertThat(event.data().computerID()).isEqualTo(agent.computerID);
            assertThat(event.data().failed()).singleElement().satisfies(f -> {
                assertThat(f.operationID()).isEqualTo(operationID);
                assertThat(f.type()).isEqualTo("UpdateConfiguration");
                assertThat(f.reason()).isEqualTo("disk full");
            });

            // the agent applies it after all: the record is tombstoned
            seen.clear();
            update(agent, withResult(operationID, "applied", null));
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                seen.addAll(Topics.poll(failures));
                return seen.stream().anyMatch(r -> r.key().equals(key));
            });
            assertThat(seen.stream().filter(r -> r.key().equals(key))).singleElement()
                    .satisfies(r -> assertThat(r.value()).isNull());
        }
    }
}
