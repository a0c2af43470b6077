package io.vigil.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.events.EventTypes;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.config.PolicyConfiguration;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.TestAgent;
import io.vigil.gateway.support.Topics;
import io.vigil.testkit.VigilTestResource;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An appliance whose policy says Manager Initiated, before policy-service published the computer's own configuration:
 * its heartbeat answer says Bidirectional (with the policy's interval); a physical computer under the same policy
 * gets Manager Initiated.
 */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class ApplianceDirectionHeartbeatTest {

    private static final String DEFAULT_FP = ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX;
    private static final long POLICY = 4242;

    @Test
    void anApplianceIsToldBidirectionalBeforeItsOwnConfigurationExists() {
        AgentConfiguration managerInitiated = new AgentConfiguration(45, "Manager Initiated", null, List.of("any"));
        Topics.publish(io.vigil.events.Topics.POLICY_CONFIG, POLICY, EventTypes.POLICY_CONFIGURATION,
                new PolicyConfiguration(POLICY, null, "appliances", Map.of(), managerInitiated,
                        ConfigFingerprint.of(managerInitiated), Instant.now()));
        TestAgent appliance = registered("appliance-01", "appliance");
        TestAgent physical = registered("physical-01", "physical");

        await().atMost(Duration.ofSeconds(30)).until(() -> answer(physical).get("heartbeatIntervalSeconds").asLong() == 45
                && answer(appliance).get("heartbeatIntervalSeconds").asLong() == 45);
        assertThat(answer(physical).get("communicationsDirection").asText()).isEqualTo("Manager Initiated");
        JsonNode answer = answer(appliance);
        assertThat(answer.get("communicationsDirection").asText()).isEqualTo("Bidirectional");
        JsonNode operation = answer.get("operations").get(0);
        assertThat(operation.get("type").asText()).isEqualTo("UpdateConfiguration");
        assertThat(operation.get("configuration").get("communicationsDirection").asText()).isEqualTo("Bidirectional");
    }

    private static TestAgent registered(String host, String computerType) {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            agent.activate("good-" + host, host);
            return true;
        });
        String serial = CertificateAuthority.serialHex(agent.chain.getFirst().getSerialNumber());
        Topics.publish(io.vigil.events.Topics.COMPUTERS, agent.computerID, EventTypes.COMPUTER_REGISTERED,
                new ComputerRegistration(agent.computerID, host, "Linux", "20.0.1", "20", computerType, POLICY,
                        "127.0.0.1", 4118, "running", ComputerRegistration.ACTIVATED, serial,
                        Instant.now().plus(300, ChronoUnit.DAYS), Instant.now().plusSeconds(1)));
        return agent;
    }

    private static JsonNode answer(TestAgent agent) {
        HttpResponse<String> response = agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return TestAgent.read(response.body());
    }
}
