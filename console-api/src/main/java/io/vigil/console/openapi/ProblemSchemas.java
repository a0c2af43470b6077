package io.vigil.console.openapi;

import io.vigil.console.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.media.Schema;

import java.util.List;
import java.util.Map;

/**
 * The {@code Problem} schema (RFC 9457 with {@code invalidParams}) and one reusable response per problem type, named
 * after it; operations refer to them as {@code #/components/responses/<name>}.
 */
public final class ProblemSchemas {

    public static final String INVALID = "InvalidRequest";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String CONFLICT = "Conflict";
    public static final String PRECONDITION_FAILED = "PreconditionFailed";
    public static final String UNAVAILABLE = "DependencyUnavailable";
    public static final String INTERNAL = "InternalError";

    private static final String BASE = "https://vigil.io/problems/";

    private ProblemSchemas() {
    }

    static void addTo(Components components) {
        components.addSchema("InvalidParam", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One offending input: the member, query or path parameter, or setting.")
                .required(List.of("name", "reason"))
                .addProperty("name", text("e.g. limit, parentID, policySettings.platformSettingHeartbeatInterval"))
                .addProperty("reason", text("why it was refused"))
                .addProperty("value", text("the value given, where useful"))
                .addProperty("allowed", text("what is allowed, where useful")));
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("An RFC 9457 problem detail (application/problem+json).")
                .required(List.of("type", "title", "status"))
                .addProperty("type", text("a stable URI per kind of problem, under " + BASE))
                .addProperty("title", text("a short human summary of the type"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text("what went wrong with this request"))
                .addProperty("invalidParams", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("InvalidParam"))));
        response(components, INVALID, 400, "invalid-request", "Invalid request",
                "a bad body, member, query parameter or setting value; invalidParams names each");
        response(components, UNAUTHORIZED, 401, "unauthorized", "Unauthorized",
                "a valid api-secret-key header is required");
        response(components, FORBIDDEN, 403, "forbidden", "Forbidden", "this API key is read-only");
        response(components, NOT_FOUND, 404, "not-found", "Not found", "the resource does not exist");
        response(components, CONFLICT, 409, "conflict", "Conflict",
                "the resource's state does not allow the change");
        response(components, PRECONDITION_FAILED, 412, "precondition-failed", "Precondition failed",
                "If-Match names a version that is no longer current: read the resource again (its ETag) and retry");
        response(components, UNAVAILABLE, 503, "dependency-unavailable", "Dependency unavailable",
                "a service this call needs is not available; retry later");
        response(components, INTERNAL, 500, "internal-error", "Internal error",
                "a fault of the platform (logged; the answer has no details)");
    }

    private static void response(Components components, String name, int status, String slug, String title,
                                 String description) {
        Problem example = new Problem(BASE + slug, title, status, description, List.of());
        components.addResponse(name, RequestIDHeader.on(OASFactory.createAPIResponse())
                .description(title + ": " + description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))
                        .example(Map.of("type", example.type(), "title", title, "status", status,
                                "detail", description)))));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
