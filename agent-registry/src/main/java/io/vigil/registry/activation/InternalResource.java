package io.vigil.registry.activation;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.console.ids.ComputerID;
import io.vigil.registry.web.Body;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.sql.SQLException;

/**
 * Internal API for the gateway: served only on the internal port, to the client certificate of
 * {@code urn:vigil:service:heartbeat-gateway} (see {@code vigil.internal.callers}); never on the console port.
 */
@Path("/internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InternalResource {

    private final ActivationService activations;

    public InternalResource(ActivationService activations) {
        this.activations = activations;
    }

    @POST
    @Path("/activations")
    public Response activate(JsonNode body) throws SQLException {
        ActivationResult result = activations.activate(ActivationRequest.parse(body));
        return Response.status(201).entity(result).build();
    }

    @POST
    @Path("/computers/{computerID}/certificate")
    public Response renewCertificate(@PathParam("computerID") ComputerID id, JsonNode json) throws SQLException {
        long computerID = id.value();
        Body body = Body.lenient(json);
        String serial = ActivationRequest.certificateSerial(body);
        Long expiresAt = ActivationRequest.certificateExpiresAt(body, "certificateExpiresAt");
        body.validate();
        activations.renewCertificate(computerID, serial, expiresAt);
        return Response.noContent().build();
    }
}
