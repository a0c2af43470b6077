package io.vigil.gateway.activation;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import io.vigil.console.Problems;
import io.vigil.gateway.AgentBodies;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /agent/v1/activation}: server-authenticated TLS only; the body carries the token and the CSR. */
@Path("/agent/v1/activation")
public class ActivationResource {

    private final ActivationService service;

    public ActivationResource(ActivationService service) {
        this.service = service;
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response activate(byte[] body, @Context HttpServerRequest request) {
        String source = request.remoteAddress().hostAddress();
        try {
            JsonNode json = AgentBodies.parse(body);
            return Response.status(201).entity(service.activate(json, source)).build();
        } catch (RetryLater e) {
            return Response.fromResponse(Problems.response(e.problem()))
                    .header("Retry-After", e.retryAfterSeconds()).build();
        }
    }
}
