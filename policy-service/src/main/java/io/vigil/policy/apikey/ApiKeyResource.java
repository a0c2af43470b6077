package io.vigil.policy.apikey;

import io.smallrye.mutiny.Uni;
import io.vigil.console.ApiKeyFilter;
import io.vigil.console.ids.ApiKeyID;
import io.vigil.console.rest.Page;
import io.vigil.console.rest.PagedList;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;

/**
 * Console API: managed API keys (docs/console-api.md, "Managed API keys"). Every operation needs a full-access key;
 * the secret of a new key is in the create answer only.
 */
@Tag(name = "API keys", description = "Managed console API keys: create, list, revoke (policy-service; they work on "
        + "every console service).")
@Path("/api/apikeys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    /** {@code {"apiKeys": [...], "next": "/api/apikeys?...after=12"}}: {@code next} is null on the last page. */
    public record ApiKeyList(List<ApiKeyView> apiKeys, String next) implements PagedList {
    }

    @Inject
    ApiKeyService keys;

    @GET
    @Operation(operationId = "listApiKeys", summary = "List managed API keys",
            description = "Never a secret; revoked and expired keys included (active false). Ascending by ID, "
                    + "keyset-paged. Full-access keys only.")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Uni<ApiKeyList> list(@BeanParam @Valid Page page, @Context ContainerRequestContext request) {
        return keys.list(ApiKeyFilter.caller(request).orElse(null), page);
    }

    @POST
    @Operation(operationId = "createApiKey", summary = "Create a managed API key",
            description = "The secret (secretKey) is shown once, in this answer; only its SHA-256 is kept. The key "
                    + "works on every console service within seconds. A key never gets more access than the "
                    + "calling key's own role.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new key.",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = CreatedApiKey.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> create(@NotNull(message = "the body must be a JSON object") @Valid ApiKeyBody body,
                                @Context ContainerRequestContext request) {
        return keys.create(body, ApiKeyFilter.caller(request).orElse(null)).map(created ->
                Response.created(URI.create("/api/apikeys/" + created.id())).entity(created).build());
    }

    @GET
    @Path("{apiKeyID}")
    @Operation(operationId = "getApiKey", summary = "Read a managed API key",
            description = "Never its secret. Full-access keys only.")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Uni<ApiKeyView> get(@PathParam("apiKeyID") ApiKeyID id, @Context ContainerRequestContext request) {
        return keys.get(ApiKeyFilter.caller(request).orElse(null), id.value());
    }

    @DELETE
    @Path("{apiKeyID}")
    @Operation(operationId = "revokeApiKey", summary = "Revoke a managed API key",
            description = "For good: every console service refuses it within seconds. Revoking a revoked key "
                    + "changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Uni<Response> revoke(@PathParam("apiKeyID") ApiKeyID id, @Context ContainerRequestContext request) {
        return keys.revoke(ApiKeyFilter.caller(request).orElse(null), id.value())
                .replaceWith(Response.noContent().build());
    }
}
