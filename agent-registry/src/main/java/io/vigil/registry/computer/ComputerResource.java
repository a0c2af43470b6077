package io.vigil.registry.computer;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.vigil.console.ApiKeyFilter;
import io.vigil.console.ProblemException;
import io.vigil.console.ids.ComputerID;
import io.vigil.console.rest.Page;
import io.vigil.registry.policy.PolicyDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
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
@Tag(name = "Computers", description = "Activated computers, their status and placement (agent-registry).")
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
    @Operation(operationId = "listComputers", summary = "List computers",
            description = "Filtered by agentStatus, policy and host-name prefix (case-insensitive); ascending by ID, keyset-paged.")
    public ComputerList list(@QueryParam("status") AgentStatus status,
                             @QueryParam("policyID") @Positive(message = "must be a policy ID") Long policyID,
                             @QueryParam("hostName") @Size(min = 1, max = 253,
                                     message = "must be 1 to 253 characters") String hostName,
                             @BeanParam @Valid Page page) throws SQLException {
        ComputerFilter filter = new ComputerFilter(status == null ? null : status.toString(), policyID, hostName,
                page.after(), page.limit());
        return new ComputerList(computers.list(filter).stream().map(ComputerView::of).toList());
    }

    @GET
    @Path("/{computerID}")
    @Operation(operationId = "getComputer", summary = "Read a computer")
    public ComputerView get(@PathParam("computerID") ComputerID id) throws SQLException {
        return computers.find(id.value()).map(ComputerView::of)
                .orElseThrow(() -> ProblemException.notFound("computer", id));
    }

    @POST
    @Path("/{computerID}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "modifyComputer", summary = "Modify a computer",
            description = "Any of policyID, agentAddress, listeningPort, vmState.")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "503", ref = "DependencyUnavailable")
    public ComputerView update(@PathParam("computerID") ComputerID id,
                               @NotNull(message = "the body must be a JSON object") @Valid ComputerUpdateBody body,
                               @Context ContainerRequestContext request) throws SQLException {
        if (computers.find(id.value()).isEmpty()) {
            throw ProblemException.notFound("computer", id);
        }
        ComputerUpdate update = body.toUpdate();
        if (update.policyID() != null) {
            policies.require("policyID", update.policyID());
        }
        service.update(id.value(), update, ApiKeyFilter.actor(request));
        return get(id);
    }

    @DELETE
    @Path("/{computerID}")
    @Operation(operationId = "deactivateComputer", summary = "Deactivate a computer",
            description = "Idempotent; status inactive at once; gateways refuse its certificate.")
    @APIResponse(responseCode = "204", description = "Deactivated.")
    public Response deactivate(@PathParam("computerID") ComputerID id, @Context ContainerRequestContext request)
            throws SQLException {
        service.deactivate(id.value(), ApiKeyFilter.actor(request));
        return Response.noContent().build();
    }
}
