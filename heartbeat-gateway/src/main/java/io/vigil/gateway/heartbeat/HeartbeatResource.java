package io.vigil.gateway.heartbeat;

import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import io.vigil.console.Problems;
import io.vigil.gateway.AgentBodies;
import io.vigil.gateway.state.ComputerDirectory;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /agent/v1/heartbeat}: client certificate required; 200 only once Kafka acknowledged. */
@Path("/agent/v1/heartbeat")
public class HeartbeatResource {

    private final HeartbeatService service;
    private final ComputerDirectory directory;

    public HeartbeatResource(HeartbeatService service, ComputerDirectory directory) {
        this.service = service;
        this.directory = directory;
    }

    @POST
    @Blocking
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response heartbeat(byte[] body, @Context HttpServerRequest request) {
        AgentIdentity agent = AgentIdentity.of(request, directory);
        Heartbeat heartbeat = HeartbeatValidator.validate(AgentBodies.parse(body));
        try {
            return Response.ok(service.record(agent.computerID(), heartbeat, agent.connection(), agent.serialHex(),
                    agent.certificate().getNotAfter().toInstant())).build();
        } catch (HeartbeatService.Unavailable e) {
            return Response.fromResponse(Problems.response(e.problem()))
                    .header("Retry-After", e.retryAfterSeconds()).build();
        }
    }
}
