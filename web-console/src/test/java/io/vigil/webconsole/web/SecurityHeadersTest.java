package io.vigil.webconsole.web;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vigil.testkit.VigilTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page and everything it loads come from this origin under a strict Content-Security-Policy (no inline script or
 * style, nothing from elsewhere, no framing), with the usual security headers on every answer; the page itself has no
 * inline script, style or event handler that the policy would block.
 */
@QuarkusTest
@QuarkusTestResource(VigilTestResource.class)
class SecurityHeadersTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final List<String> FILES = List.of("index.html", "console.css", "js/main.js", "js/api.js",
            "js/stream.js", "js/dom.js", "js/fleet.js", "js/overview.js", "js/computers.js", "js/alerts.js",
            "js/policies.js");

    @Test
    void everyAnswerHasTheStrictPolicyAndTheSecurityHeaders() {
        for (String path : List.of("/console/", "/console/js/main.js", "/console/console.css", "/console/stream",
                "/api/computers", "/nothing-here")) {
            Response response = given().redirects().follow(false).get(path);
            assertThat(response.header("Content-Security-Policy")).as(path).isEqualTo(CSP);
            assertThat(response.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(response.header("X-Frame-Options")).as(path).isEqualTo("DENY");
            assertThat(response.header("Referrer-Policy")).as(path).isEqualTo("no-referrer");
            assertThat(response.header("Cross-Origin-Opener-Policy")).as(path).isEqualTo("same-origin");
            assertThat(response.header("Cache-Control")).as(path).isEqualTo("no-store");
        }
        assertThat(CSP).doesNotContain("unsafe-inline").doesNotContain("unsafe-eval").doesNotContain("*");
    }

    @Test
    void thePageAndItsModulesAreServedWithTheirTypes() {
        given().get("/console/").then().statusCode(200).contentType("text/html");
        given().get("/console/js/main.js").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.containsString("javascript"));
        given().get("/console/console.css").then().statusCode(200).contentType("text/css");
        given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/console/"));
    }

    @Test
    void thePageHasNothingInlineAndUsesNoMarkupFromAnswers() throws IOException {
        String html = resource("index.html");
        assertThat(html).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        assertThat(html).doesNotContainPattern("<style").doesNotContainPattern("\\sstyle=")
                .doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("javascript:")
                .doesNotContainPattern("(src|href)=\"(https?:)?//");
        for (String file : FILES) {
            String text = resource(file);
            assertThat(text).as(file).doesNotContain("innerHTML").doesNotContain("outerHTML")
                    .doesNotContain("insertAdjacentHTML").doesNotContain("document.write")
                    .doesNotContainPattern("\\beval\\(").doesNotContain("new Function")
                    .doesNotContain("localStorage").doesNotContain("document.cookie")
                    .doesNotContain("EventSource").doesNotContainPattern("setAttribute\\('style'");
        }
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = SecurityHeadersTest.class.getResourceAsStream("/META-INF/resources/console/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
