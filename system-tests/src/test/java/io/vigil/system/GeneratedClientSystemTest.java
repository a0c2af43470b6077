package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.vigil.agent.ReferenceAgent;
import io.vigil.client.ApiClient;
import io.vigil.client.ApiException;
import io.vigil.client.api.ActivationTokensApi;
import io.vigil.client.api.AlertsApi;
import io.vigil.client.api.ComputersApi;
import io.vigil.client.api.PoliciesApi;
import io.vigil.client.model.ActivationTokenRequest;
import io.vigil.client.model.AlertList;
import io.vigil.client.model.ComputerView;
import io.vigil.client.model.CreatedView;
import io.vigil.client.model.PolicyRequest;
import io.vigil.client.model.PolicyView;
import io.vigil.client.model.SettingEntry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * docs/openapi.yaml is usable: a console client generated from it (OpenAPI Generator, Java native library) creates a
 * policy, an activation token, reads the computer an agent activated and lists its alerts on the running services,
 * and gets the documented problem answers.
 */
class GeneratedClientSystemTest {

    private final Platform platform = Platform.shared();
    private ReferenceAgent agent;

    @AfterEach
    void stopAgent() throws Exception {
        if (agent != null) {
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    /** The api-secret-key security scheme: the generated operations take it as a header. */
    private static final Map<String, String> KEY = Map.of("api-secret-key", Platform.FULL_KEY);

    private ApiClient client(int port) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(platform.url(port));
        return client;
    }

    @Test
    void aWalkingSkeletonStepThroughTheGeneratedClient() throws Exception {
        PolicyView policy = new PoliciesApi(client(platform.policyPort)).createPolicy(new PolicyRequest()
                .name("generated-" + System.nanoTime()).description("through the generated client").parentID(1L)
                .putPolicySettingsItem("platformSettingHeartbeatInterval", new SettingEntry().value("5 seconds"))
                .putPolicySettingsItem("platformSettingAgentCommunicationsDirection",
                        new SettingEntry().value("Agent/Appliance Initiated")), KEY);
        assertThat(policy.getParentID()).isEqualTo(1L);
        assertThat(policy.getPolicySettings().get("platformSettingHeartbeatInterval").getValue())
                .isEqualTo("5 Seconds");

        CreatedView token = new ActivationTokensApi(client(platform.registryPort)).createActivationToken(
                new ActivationTokenRequest().policyID(policy.getID()).expiresInSeconds(3600L).maxUses(1), KEY);
        agent = new Console(platform).activateAgent(JsonPath.from(
                "{\"token\":\"" + token.getToken() + "\",\"managerCaSha256\":\"" + token.getManagerCaSha256() + "\"}"),
                "generated-01");

        ComputersApi computers = new ComputersApi(client(platform.registryPort));
        await("the computer online through the generated client").atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            ComputerView computer = computers.getComputer(agent.computerID(), KEY);
            assertThat(computer.getHostName()).isEqualTo("generated-01");
            assertThat(computer.getPolicyID()).isEqualTo(policy.getID());
            assertThat(computer.getComputerStatus().getAgentStatus()).isEqualTo("active");
        });

        AlertList alerts = new AlertsApi(client(platform.alertPort)).listAlerts(0L, null, agent.computerID(),
                100, null, KEY);
        assertThat(alerts.getAlerts()).isEmpty();
    }

    @Test
    void problemsArriveAsDocumented() {
        assertThatThrownBy(() -> new ComputersApi(client(platform.registryPort)).getComputer(999_999_999L, KEY))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(404);
                    assertThat(e.getResponseBody()).contains("https://vigil.io/problems/not-found");
                });
        assertThatThrownBy(() -> new PoliciesApi(client(platform.policyPort)).createPolicy(
                new PolicyRequest().name("  "), KEY))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(400);
                    assertThat(e.getResponseBody()).contains("\"name\":\"name\"");
                });
    }
}
