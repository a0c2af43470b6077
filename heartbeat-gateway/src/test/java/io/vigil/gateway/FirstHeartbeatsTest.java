package io.vigil.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventTypes;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.config.PolicyConfiguration;
import io.vigil.gateway.state.ComputerDirectory;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.TestAgent;
import io.vigil.gateway.support.Topics;
import io.vigil.testkit.VigilTestResource;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A computer's first heartbeats, before the registry's record of its activation reached this gateway (here it never
 * does: the registry is a stub): they are answered with the configuration of the policy the activation put it in, as
 * the activation answer was, not with the contract defaults and an operation to switch to them.
 */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class FirstHeartbeatsTest {

    private static final long POLICY = 4343;

    @Inject
    ComputerDirectory directory;

    @Test
    void heartbeatsBeforeTheRegistrationArrivesAreAnsweredWithThePolicysConfiguration() {
        AgentConfiguration everySecond = new AgentConfiguration(1, "Agent/Appliance Initiated", null, List.of("any"));
        String fingerprint = ConfigFingerprint.of(everySecond);
        Topics.publish(io.vigil.events.Topics.POLICY_CONFIG, POLICY, EventTypes.POLICY_CONFIGURATION,
                new PolicyConfiguration(POLICY, null, "every second", Map.of(), everySecond, fingerprint,
                        Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> directory.forActivation(0, POLICY, "physical").intervalSeconds() == 1);

        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        JsonNode activation = agent.activate("good-policy-" + POLICY + "-first", "first-01");
        assertThat(activation.get("heartbeatIntervalSeconds").asLong()).isEqualTo(1);
        assertThat(directory.registration(agent.computerID)).as("the registry's record").isEmpty();

        // an agent at a 1-second interval beats at once and on: the same interval, the same direction, no operation
        for (int i = 0; i < 12; i++) {
            HttpResponse<String> response = agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(fingerprint));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            JsonNode answer = TestAgent.read(response.body());
            assertThat(answer.get("heartbeatIntervalSeconds").asLong()).isEqualTo(1);
            assertThat(answer.get("communicationsDirection").asText()).isEqualTo("Agent/Appliance Initiated");
            assertThat(answer.get("operations")).as("operations").isEmpty();
        }
    }
}
