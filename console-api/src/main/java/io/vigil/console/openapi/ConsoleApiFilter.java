package io.vigil.console.openapi;

import io.vigil.console.ApiKeyFilter;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every console service's OpenAPI document has in common (configured with {@code mp.openapi.filter}): only the
 * {@code /api} paths (the internal API is not public), the {@code api-secret-key} security scheme on every operation,
 * the problem+json schema, and the error answers every operation can give: 400 when it takes input, 401, 403 when it
 * writes, 404 when its path names a resource, 500 (a path ID that is no ID is a 404, so 400 is added for a body or
 * query parameters; a resource adds the others it gives with {@code @APIResponse}), and on every paged list (an
 * {@code after} parameter) the {@code Link} header of its next page; 412 on a conditional write (an {@code If-Match}
 * header parameter) and the {@code ETag} header on answers marked {@value #ETAG}. Each path item says which service serves it
 * ({@code x-vigil-service}), so the merged document of all services can be checked against each one.
 */
public class ConsoleApiFilter implements OASFilter {

    public static final String SERVICE = "x-vigil-service";
    public static final String SECURITY = ApiKeyFilter.HEADER;
    /** Marks an operation whose answer carries an {@code ETag} header (the filter documents it and drops the mark). */
    public static final String ETAG = "x-vigil-etag";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        String service = ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class)
                .orElse("vigil");
        if (openAPI.getPaths() != null) {
            Map<String, PathItem> items = new LinkedHashMap<>(openAPI.getPaths().getPathItems());
            items.forEach((path, item) -> {
                if (!path.equals("/api") && !path.startsWith("/api/")) {
                    openAPI.getPaths().removePathItem(path);
                } else {
                    item.addExtension(SERVICE, service);
                    item.getOperations().forEach((method, operation) -> complete(method, path, operation));
                }
            });
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        components.addSecurityScheme(SECURITY, OASFactory.createSecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.HEADER).name(ApiKeyFilter.HEADER)
                .description("A console API key: full-access, or read-only (GET only)."));
        RequestIDHeader.addTo(components);
        ProblemSchemas.addTo(components);
    }

    private static void complete(PathItem.HttpMethod method, String path, Operation operation) {
        SecurityRequirement requirement = OASFactory.createSecurityRequirement().addScheme(SECURITY);
        operation.setSecurity(java.util.List.of(requirement));
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        boolean input = operation.getRequestBody() != null || (operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY));
        if (input) {
            add(operation, "400", ProblemSchemas.INVALID);
        }
        boolean conditional = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.HEADER && "If-Match".equalsIgnoreCase(p.getName()));
        if (conditional) {
            add(operation, "412", ProblemSchemas.PRECONDITION_FAILED);
        }
        if (operation.getExtensions() != null && operation.getExtensions().containsKey(ETAG)) {
            operation.removeExtension(ETAG);
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getRef() == null) {
                    response.addHeader("ETag", OASFactory.createHeader().description("The version of the "
                            + "resource; send it back as If-Match to write only while it is current (else 412)")
                            .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media
                                    .Schema.SchemaType.STRING)));
                }
            });
        }
        boolean paged = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "after".equals(p.getName()));
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (paged && ok != null) {
            ok.addHeader("Link", OASFactory.createHeader().description("Link: <next>; rel=\"next\" while more "
                    + "items follow: the path and query of the next page (the answer's next member)")
                    .schema(OASFactory.createSchema().addType(org.eclipse.microprofile.openapi.models.media.Schema
                            .SchemaType.STRING)));
        }
        add(operation, "401", ProblemSchemas.UNAUTHORIZED);
        if (method != PathItem.HttpMethod.GET) {
            add(operation, "403", ProblemSchemas.FORBIDDEN);
        }
        if (path.contains("{")) {
            add(operation, "404", ProblemSchemas.NOT_FOUND);
        }
        add(operation, "500", ProblemSchemas.INTERNAL);
        operation.getResponses().getAPIResponses().values().stream().filter(response -> response.getRef() == null)
                .forEach(RequestIDHeader::on);
    }

    private static void add(Operation operation, String status, String response) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            APIResponse ref = OASFactory.createAPIResponse().ref(response);
            operation.getResponses().addAPIResponse(status, ref);
        }
    }
}
