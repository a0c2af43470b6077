package io.vigil.webconsole.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testkit.VigilTestResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * What the console's {@code /api} forwarding passes on: the key, If-Match and this request's ID (the ID the console
 * logs it under is the one the service logs it under), and the service's ETag back.
 */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RecordingUpstream.class)
class ApiProxyTest {

    @BeforeEach
    void forgetEarlierRequests() {
        RecordingUpstream.RECEIVED.clear();
    }

    @Test
    void theCallersRequestIdGoesToTheServiceAndComesBack() {
        given().header("api-secret-key", "test-full-key").header("X-Request-ID", "console-7f3a:42")
                .header("If-Match", "\"6\"").get("/api/policies/1")
                .then().statusCode(200).header("X-Request-ID", "console-7f3a:42").header("ETag", "\"7\"")
                .body("answered", equalTo(true));

        Map<String, List<String>> received = RecordingUpstream.RECEIVED.getFirst();
        assertThat(received.get("x-request-id")).containsExactly("console-7f3a:42");
        assertThat(received.get("api-secret-key")).containsExactly("test-full-key");
        assertThat(received.get("if-match")).containsExactly("\"6\"");
    }

    @Test
    void theIdTheConsoleMadeIsTheOneTheServiceGets() {
        String answered = given().header("api-secret-key", "test-full-key").header("X-Request-ID", "two words")
                .get("/api/computers").then().statusCode(200).extract().header("X-Request-ID");

        assertThat(answered).isNotEqualTo("two words").hasSize(36);
        assertThat(RecordingUpstream.RECEIVED.getFirst().get("x-request-id")).containsExactly(answered);
    }
}
