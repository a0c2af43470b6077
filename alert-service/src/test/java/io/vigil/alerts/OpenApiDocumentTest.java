package io.vigil.alerts;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.vigil.testkit.VigilTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vigil.testkit.OpenApiDocument;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

/**
 * What this service serves at {@code /q/openapi} is its part of the committed {@code docs/openapi.yaml}: a change of
 * the API without the document (or the other way round) fails here. Regenerate: run this test with
 * {@code -Dvigil.openapi.regenerate=true}.
 */
@QuarkusTest
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class OpenApiDocumentTest {

    @Test
    void theServedDocumentIsTheCommittedOne() {
        String served = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        OpenApiDocument.verify(served, "alert-service");
    }

    @Test
    void swaggerUiIsOffByDefault() {
        given().get("/q/swagger-ui/").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200).body(containsString("api-secret-key"));
    }
}
