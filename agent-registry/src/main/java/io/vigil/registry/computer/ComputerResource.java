package io.vigil.registry.computer;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.console.ProblemException;
import io.vigil.registry.policy.PolicyDirectory;
import io.vigil.registry.web.Callers;
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

/** Console API for computers. */
@Path("/api/computers")
@Produces(MediaType.APPLICATION_JSON)
public class ComputerResource {

    public record ComputerList(List<ComputerView> computers) {
    }

    private final ComputerRepository computers;
    private final ComputerService service;
    private final PolicyDirectory policies;

    public ComputerResource(ComputerRepository computers, ComputerService service, PolicyDirectory policies) {
        this.computers = computers;
        this.service = service;
        this.policies = policies;
    }

    @GET
    public ComputerList list(@QueryParam("status") String status, @QueryParam("policyID") String policyID,
                             @QueryParam("hostName") String hostName, @QueryParam("limit") String limit,
                             @QueryParam("after") String after) throws SQLException {
        ComputerFilter filter = ComputerFilter.parse(status, policyID, hostName, limit, after);
        return new ComputerList(computers.list(filter).stream().map(ComputerView::of).toList());
    }

    @GET
    @Path("/{id}")
    public ComputerView get(@PathParam("id") String id) throws SQLException {
        long computerID = Query.pathId("computer", id);
        return computers.find(computerID).map(ComputerView::of)
                .orElseThrow(() -> ProblemException.notFound("computer", computerID));
    }

    @POST
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public ComputerView update(@PathParam("id") String id, JsonNode body, @Context ContainerRequestContext request)
            throws SQLException {
        long computerID = Query.pathId("computer", id);
        ComputerUpdate update = ComputerUpdate.parse(body);
        if (computers.find(computerID).isEmpty()) {
            throw ProblemException.notFound("computer", computerID);
        }
        if (update.policyID() != null) {
            policies.require("policyID", update.policyID());
        }
        service.update(computerID, update, Callers.actor(request));
        return get(id);
    }

    @DELETE
    @Path("/{id}")
    public Response deactivate(@PathParam("id") String id, @Context ContainerRequestContext request)
            throws SQLException {
        service.deactivate(Query.pathId("computer", id), Callers.actor(request));
        return Response.noContent().build();
    }
}
