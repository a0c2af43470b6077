package io.vigil.registry.computer;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.vigil.console.ApiKeyFilter;
import io.vigil.console.ProblemException;
import io.vigil.console.ids.ComputerID;
import io.vigil.console.rest.Page;
import io.vigil.console.rest.PagedList;
import jakarta.validation.constraints.Pattern;
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

    /** The list answer: {@code {"computers": [...], "next": "/api/computers?...after=42"}}. */
    public record ComputerList(List<ComputerView> computers, String next) implements PagedList {
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
            description = "Filtered by agentStatus, policy, host-name prefix (case-insensitive), agent-version prefix, "
                    + "agent release and configuration state (computers not deactivated); ascending by ID, "
                    + "keyset-paged.")
    public ComputerList list(@QueryParam("status") AgentStatus status,
                             @QueryParam("policyID") @Positive(message = "must be a policy ID") Long policyID,
                             @QueryParam("hostName") @Size(min = 1, max = 253,
                                     message = "must be 1 to 253 characters") String hostName,
                             @QueryParam("agentVersion") @Pattern(regexp = "[0-9A-Za-z.\\-]{1,64}",
                                     message = "must be the start of a version: 1 to 64 letters, digits, dots or "
                                             + "hyphens") String agentVersion,
                             @QueryParam("agentRelease") @Size(min = 1, max = 64,
                                     message = "must be 1 to 64 characters") String agentRelease,
                             @QueryParam("configuration") ConfigurationState configuration,
                             @BeanParam @Valid Page page) throws SQLException {
        ComputerFilter filter = new ComputerFilter(status == null ? null : status.toString(), policyID, hostName,
                agentVersion, agentRelease, configuration, page.after(), page.fetch());
        Page.Slice<ComputerRepository.Joined> slice = page.slice(computers.list(filter), j -> j.computer().id());
        return new ComputerList(slice.items().stream().map(ComputerView::of).toList(), slice.next());
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
