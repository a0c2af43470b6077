package io.vigil.registry.token;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.console.ApiKeyFilter;
import io.vigil.console.ids.TokenID;
import io.vigil.console.rest.Page;
import io.vigil.console.rest.PagedList;
import io.vigil.registry.config.RegistryConfig;
import io.vigil.registry.policy.PolicyDirectory;
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

import java.sql.SQLException;
import java.util.List;

/** Console API for activation tokens. */
@Tag(name = "Activation tokens", description = "Tokens agents activate with (agent-registry).")
@Path("/api/activationtokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    /** The answer to a creation: the secret is shown once. */
    public record CreatedView(@JsonProperty("ID") long id, String token, String managerCaSha256) {
    }

    /** The list answer: {@code {"activationTokens": [...], "next": ...}}. */
    public record TokenList(List<TokenView> activationTokens, String next) implements PagedList {
    }

    private final TokenService service;
    private final PolicyDirectory policies;
    private final CaFingerprint ca;
    private final RegistryConfig config;

    public TokenResource(TokenService service, PolicyDirectory policies, CaFingerprint ca, RegistryConfig config) {
        this.service = service;
        this.policies = policies;
        this.ca = ca;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createActivationToken", summary = "Create an activation token",
            description = "The secret token is shown once, in this answer.")
    @APIResponse(responseCode = "201", description = "Created.",
            content = @Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = CreatedView.class)))
    @APIResponse(responseCode = "503", ref = "DependencyUnavailable")
    public Response create(@NotNull(message = "the body must be a JSON object") @Valid TokenBody body,
                           @Context ContainerRequestContext request) throws SQLException {
        TokenRequest parsed = TokenRequest.of(body, config.tokens().defaultExpiresInSeconds(),
                config.tokens().maxExpiresInSeconds());
        String caSha256 = ca.sha256();
        policies.require("policyID", parsed.policyID());
        TokenService.Created created = service.create(parsed, ApiKeyFilter.actor(request));
        return Response.status(201)
                .entity(new CreatedView(created.token().id(), created.secret(), caSha256)).build();
    }

    @GET
    @Operation(operationId = "listActivationTokens", summary = "List activation tokens",
            description = "Never the secret; ascending by ID, keyset-paged.")
    public TokenList list(@BeanParam @Valid Page page) throws SQLException {
        Page.Slice<ActivationToken> slice = page.slice(service.list(page.after(), page.fetch()), ActivationToken::id);
        return new TokenList(slice.items().stream().map(TokenView::of).toList(), slice.next());
    }

    @DELETE
    @Path("/{tokenID}")
    @Operation(operationId = "revokeActivationToken", summary = "Revoke an activation token",
            description = "The token can no longer activate.")
    @APIResponse(responseCode = "204", description = "Revoked.")
    public Response delete(@PathParam("tokenID") TokenID id, @Context ContainerRequestContext request)
            throws SQLException {
        service.delete(id.value(), ApiKeyFilter.actor(request));
        return Response.noContent().build();
    }
}
