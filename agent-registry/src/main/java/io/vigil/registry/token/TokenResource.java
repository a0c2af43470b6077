package io.vigil.registry.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.registry.config.RegistryConfig;
import io.vigil.registry.policy.PolicyDirectory;
import io.vigil.registry.web.Callers;
import io.vigil.registry.web.Paging;
import io.vigil.registry.web.Query;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.sql.SQLException;
import java.util.List;

/** Console API for activation tokens. */
@Path("/api/activationtokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    /** The answer to a creation: the secret is shown once. */
    public record CreatedView(@JsonProperty("ID") long id, String token, String managerCaSha256) {
    }

    public record TokenList(List<TokenView> activationTokens) {
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
    public Response create(JsonNode body, @Context ContainerRequestContext request) throws SQLException {
        TokenRequest parsed = TokenRequest.parse(body, config.tokens().defaultExpiresInSeconds(),
                config.tokens().maxExpiresInSeconds());
        String caSha256 = ca.sha256();
        policies.require("policyID", parsed.policyID());
        TokenService.Created created = service.create(parsed, Callers.actor(request));
        return Response.status(201)
                .entity(new CreatedView(created.token().id(), created.secret(), caSha256)).build();
    }

    @GET
    public TokenList list(@QueryParam("limit") String limit, @QueryParam("after") String after) throws SQLException {
        Paging paging = Paging.parse(limit, after);
        return new TokenList(service.list(paging.after(), paging.limit()).stream().map(TokenView::of).toList());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") String id, @Context ContainerRequestContext request) throws SQLException {
        service.delete(Query.pathId("activation token", id), Callers.actor(request));
        return Response.noContent().build();
    }
}
