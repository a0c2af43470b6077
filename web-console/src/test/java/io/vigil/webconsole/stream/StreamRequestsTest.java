package io.vigil.webconsole.stream;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testkit.VigilTestResource;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * Bad stream requests get a precise problem+json, and the API key is never taken from a URL: not on the stream, not
 * on the forwarded {@code /api}.
 */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
class StreamRequestsTest {

    @Test
    void withoutAKeyTheStreamIsUnauthorized() {
        given().accept("text/event-stream").get("/console/stream").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("https://vigil.io/problems/unauthorized"))
                .body("detail", containsString("api-secret-key"));
        given().header("api-secret-key", "wrong").get("/console/stream").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aKeyInTheQueryStringIsNeverAccepted() {
        given().queryParam("api-secret-key", "test-full-key").get("/console/stream").then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", hasItems("api-secret-key"))
                .body("invalidParams[0].reason", containsString("never accepted in a URL"));
        // not even beside a valid header: a key in a URL is a leak to refuse loudly
        given().header("api-secret-key", "test-full-key").queryParam("apiKey", "test-full-key")
                .get("/console/stream").then().statusCode(400).body("invalidParams.name", hasItems("apiKey"));
        // the forwarded API: the query key does not authenticate, and with a header it is refused before forwarding
        given().queryParam("api-secret-key", "test-full-key").get("/api/computers").then().statusCode(401)
                .contentType("application/problem+json");
        given().header("api-secret-key", "test-full-key").queryParam("api-secret-key", "test-full-key")
                .get("/api/computers").then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", hasItems("api-secret-key"));
    }

    @Test
    void theStreamTakesNoParameters() {
        given().header("api-secret-key", "test-read-key").queryParam("since", "0").get("/console/stream").then()
                .statusCode(400).contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("since"))
                .body("invalidParams[0].reason", equalTo("is not a parameter of the stream"));
    }

    @Test
    void otherPathsAreNotForwarded() {
        given().header("api-secret-key", "test-full-key").get("/api/internal/anything").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
