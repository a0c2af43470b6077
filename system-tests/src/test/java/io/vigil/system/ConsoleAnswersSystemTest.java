package io.vigil.system;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

/**
 * What a console asks first, through the real processes, Kafka and PostgreSQL, with an agent that never applies a new
 * configuration ({@link HandAgent}): the fleet summary agrees with the list filters, a policy change with a stale
 * If-Match is refused (412) while the current one wins, the computer then runs another configuration than the
 * expected one and the registry names the member that differs and the policy its value comes from; a fingerprint
 * the platform never published is explained as not known.
 */
class ConsoleAnswersSystemTest {

    private static final String INTERVAL = "platformSettingHeartbeatInterval";

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);

    @Test
    void summariesConditionalWritesAndWhichSettingDiffers() throws Exception {
        long policyID = console.createPolicy("answers-" + System.nanoTime(), Map.of(INTERVAL, "10 Minutes",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        HandAgent agent = new HandAgent(platform).activate(console.createToken(policyID, 1).extract().jsonPath()
                .getString("token"), "answers-" + System.nanoTime());
        long id = agent.computerID();
        String configuration = "/api/computers/" + id + "/configuration";
        assertThat(agent.heartbeat().statusCode()).isEqualTo(200);
        await("the computer runs the configuration it was given").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                console.registry().get(configuration).then().statusCode(200)
                        .body("verdict", equalTo("up-to-date")).body("reported.known", equalTo(true))
                        .body("expected.sources.heartbeatIntervalSeconds.policyID", equalTo((int) policyID)));
        // routed on the web console's origin too (the chart's ingress has the same rules)
        console.origin().get(configuration).then().statusCode(200).body("verdict", equalTo("up-to-date"));
        await("the summary counts what the filters list").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath summary = summary();
            assertThat(summary.getLong("byAgentStatus.active")).isEqualTo(listed("status=active"));
            assertThat(summary.getLong("configuration.upToDate")).isEqualTo(listed("configuration=up-to-date"));
            assertThat(summary.getLong("configuration.outOfDate")).isEqualTo(listed("configuration=out-of-date"));
            assertThat(listed("configuration=up-to-date&agentRelease=20")).isPositive();
        });

        String policy = "/api/policies/" + policyID;
        String read = console.policies().get(policy).then().statusCode(200).extract().header("ETag");
        String changed = console.policies().header("If-Match", read).body(Map.of("value", "2 Minutes"))
                .post(policy + "/settings/" + INTERVAL).then().statusCode(200).body("value", equalTo("2 Minutes"))
                .extract().header("ETag");
        assertThat(changed).isNotEqualTo(read);
        console.policies().header("If-Match", read).body(Map.of("value", "5 Minutes"))
                .post(policy + "/settings/" + INTERVAL).then().statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://vigil.io/problems/precondition-failed"));
        console.policies().get(policy).then().header("ETag", equalTo(changed))
                .body("policySettings." + INTERVAL + ".value", equalTo("2 Minutes"));
        // the same on the web console's origin: its forwarding keeps If-Match, ETag and the next link
        console.origin().header("If-Match", read).body(Map.of("value", "5 Minutes"))
                .post(policy + "/settings/" + INTERVAL).then().statusCode(412)
                .body("type", equalTo("https://vigil.io/problems/precondition-failed"));
        console.origin().get(policy).then().statusCode(200).header("ETag", equalTo(changed));
        console.createToken(policyID, 1);
        console.createToken(policyID, 1);
        console.origin().get("/api/activationtokens?limit=1").then().statusCode(200)
                .header("Link", matchesPattern("</api/activationtokens\\?.*after=\\d+.*>; rel=\"next\""));

        assertThat(agent.heartbeat().statusCode()).isEqualTo(200);
        await("the registry names the member that differs and its source").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> console.registry().get(configuration).then().statusCode(200)
                        .body("verdict", equalTo("differs")).body("upToDate", equalTo(false))
                        .body("reported.fingerprint", equalTo(agent.fingerprint()))
                        .body("differences.member", equalTo(List.of("heartbeatIntervalSeconds")))
                        .body("differences[0].expected", equalTo(120)).body("differences[0].reported", equalTo(600))
                        .body("differences[0].source.setting", equalTo(INTERVAL))
                        .body("differences[0].source.level", equalTo("policy"))
                        .body("differences[0].source.policyID", equalTo((int) policyID)));
        await("out of date in the summary and the filter").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ids("configuration=out-of-date")).contains(id);
            assertThat(summary().getLong("configuration.outOfDate")).isEqualTo(listed("configuration=out-of-date"));
        });

        String foreign = "sha256:" + "e".repeat(64);
        assertThat(agent.reporting(foreign).heartbeat().statusCode()).isEqualTo(200);
        await("a fingerprint the platform never published is not known").atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> console.registry().get(configuration).then()
                        .body("verdict", equalTo("reported-not-known")).body("reported.known", equalTo(false))
                        .body("explanation", startsWith("Not known")));
    }

    private JsonPath summary() {
        return console.registry().get("/api/computers/summary").then().statusCode(200).extract().jsonPath();
    }

    /** How many computers a filter lists, following the next links. */
    private long listed(String filter) {
        return ids(filter).size();
    }

    private List<Long> ids(String filter) {
        List<Long> ids = new java.util.ArrayList<>();
        String next = "/api/computers?limit=1000&" + filter;
        while (next != null) {
            ExtractableResponse<Response> page = console.registry().get(next).then().statusCode(200).extract();
            ids.addAll(page.jsonPath().getList("computers.ID", Long.class));
            next = page.path("next");
        }
        return ids;
    }
}
