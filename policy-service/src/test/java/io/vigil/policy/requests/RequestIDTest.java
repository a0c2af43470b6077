package io.vigil.policy.requests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.policy.QuarkusTestBase;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.vigil.policy.ApiFixture.full;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request gets an ID (console-api's RequestIDFilter): the caller's X-Request-ID when it is a short printable
 * token, else a fresh UUID; the answer carries it, refusals too, and the JSON log lines written while the request is
 * served name it as {@code requestID}.
 */
@QuarkusTest
class RequestIDTest extends QuarkusTestBase {

    private static final String HEADER = "X-Request-ID";

    @Test
    void theCallersIdIsAnswered() {
        String answered = full().header(HEADER, "console-7f3a:42").get("/api/policies/1").then().statusCode(200)
                .extract().header(HEADER);

        assertThat(answered).isEqualTo("console-7f3a:42");
    }

    @Test
    void aRefusedRequestIsAnsweredWithItsIdToo() {
        String answered = given().header(HEADER, "refused-1").get("/api/policies/1").then().statusCode(401)
                .extract().header(HEADER);

        assertThat(answered).isEqualTo("refused-1");
    }

    @Test
    void anIdThatIsNoShortPrintableTokenIsReplacedByAFreshOne() {
        String tooLong = "x".repeat(65);
        String withBlank = "two words";

        String first = full().header(HEADER, tooLong).get("/api/policies/1").then().statusCode(200)
                .extract().header(HEADER);
        String second = full().header(HEADER, withBlank).get("/api/policies/1").then().statusCode(200)
                .extract().header(HEADER);

        assertThat(UUID.fromString(first).toString()).isEqualTo(first);
        assertThat(UUID.fromString(second).toString()).isEqualTo(second);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void withoutAnIdEachRequestGetsADifferentOne() {
        String first = full().get("/api/policies/1").then().statusCode(200).extract().header(HEADER);
        String second = full().get("/api/policies/1").then().statusCode(200).extract().header(HEADER);

        assertThat(UUID.fromString(first).toString()).isEqualTo(first);
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aJsonLogLineWrittenWhileServingARequestNamesIt() throws Exception {
        String id = "trace-me-" + System.nanoTime();
        String line;
        try (JsonLogLines logged = JsonLogLines.of(LoggingProbe.class)) {
            full().header(HEADER, id).get("/api/test/logging-probe").then().statusCode(200).header(HEADER, id);
            line = logged.lines().stream().filter(l -> l.contains(LoggingProbe.LINE)).findFirst().orElseThrow();
        }

        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = new ObjectMapper().readTree(line);
        assertThat(json.path("message").asText()).isEqualTo(LoggingProbe.LINE);
        assertThat(json.path("mdc").path("requestID").asText()).isEqualTo(id);
        assertThat(json.path("threadName").asText()).as("served off the event loop").doesNotContain("eventloop");
    }
}
