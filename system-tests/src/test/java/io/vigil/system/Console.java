package io.vigil.system;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.vigil.agent.AgentSettings;
import io.vigil.agent.ReferenceAgent;
import io.vigil.agent.config.Directions;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** The console's view of the platform: REST calls with an API key, to each service's port. */
final class Console {

    private final Platform platform;

    Console(Platform platform) {
        this.platform = platform;
    }

    RequestSpecification policies() {
        return as(Platform.FULL_KEY, platform.policyPort);
    }

    RequestSpecification registry() {
        return as(Platform.FULL_KEY, platform.registryPort);
    }

    RequestSpecification alerts() {
        return as(Platform.FULL_KEY, platform.alertPort);
    }

    /** The console API on the web console's origin (its /api forwarding), as the page calls it. */
    RequestSpecification origin() {
        return as(Platform.FULL_KEY, platform.consolePort);
    }

    /** Every agent-offline alert of the computer, in any state. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> offlineAlerts(long computerID) {
        return (List<Map<String, Object>>) (List<?>) alerts()
                .get("/api/alerts?state=all&alertType=agent-offline&computerID=" + computerID)
                .then().statusCode(200).extract().jsonPath().getList("alerts", Map.class);
    }

    RequestSpecification as(String key, int port) {
        RequestSpecification spec = given().baseUri(platform.url(port)).contentType(ContentType.JSON);
        return key == null ? spec : spec.header("api-secret-key", key);
    }

    /** Creates a policy under the Base Policy with the given settings and answers its ID. */
    long createPolicy(String name, Map<String, String> settings) {
        Map<String, Object> policySettings = new java.util.HashMap<>();
        settings.forEach((k, v) -> policySettings.put(k, Map.of("value", v)));
        return policies().body(Map.of("name", name, "description", "system test", "parentID", 1,
                        "policySettings", policySettings))
                .post("/api/policies").then().statusCode(201).extract().jsonPath().getLong("ID");
    }

    /**
     * A started reference agent that activated with a fresh one-use token for the policy, as a person installing an
     * agent would do; it does not listen (the tests use Agent/Appliance Initiated policies).
     */
    ReferenceAgent activateAgent(long policyID, String hostName) throws Exception {
        return activateAgent(createToken(policyID, 1).extract().jsonPath(), hostName);
    }

    /**
     * A started reference agent that activated with the given token (an answer of {@link #createToken}) and, when its
     * configuration has it send heartbeats, whose first heartbeat was accepted: activation completes before the first
     * heartbeat leaves, and what a test does next (a clock jump, a pause) must come after it to be seen at all.
     */
    ReferenceAgent activateAgent(JsonPath token, String hostName) throws Exception {
        ReferenceAgent agent = new ReferenceAgent(AgentSettings.builder(URI.create(platform.gatewayUrl()),
                token.getString("token"), token.getString("managerCaSha256")).hostName(hostName).listen(false).build());
        agent.start().toCompletableFuture().get(60, TimeUnit.SECONDS);
        if (Directions.sendsHeartbeats(agent.configuration().communicationsDirection())) {
            await(hostName + "'s first heartbeat accepted").atMost(Duration.ofSeconds(60))
                    .until(() -> agent.acceptedHeartbeats() >= 1);
        }
        return agent;
    }

    /** An activation token for the policy: {@code token} and {@code managerCaSha256}. */
    ValidatableResponse createToken(long policyID, int maxUses) {
        return registry().body(Map.of("policyID", policyID, "expiresInSeconds", 3600, "maxUses", maxUses))
                .post("/api/activationtokens").then().statusCode(201);
    }
}
