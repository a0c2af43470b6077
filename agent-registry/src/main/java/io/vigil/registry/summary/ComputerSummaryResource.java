package io.vigil.registry.summary;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;

/** {@code GET /api/computers/summary}: the fleet in numbers, counted when asked. */
@Tag(name = "Computers", description = "Activated computers, their status and placement (agent-registry).")
@Path("/api/computers/summary")
@Produces(MediaType.APPLICATION_JSON)
public class ComputerSummaryResource {

    private final SummaryRepository summaries;

    public ComputerSummaryResource(SummaryRepository summaries) {
        this.summaries = summaries;
    }

    @GET
    @Operation(operationId = "getComputerSummary", summary = "Count the fleet",
            description = "Every computer by agentStatus; those not deactivated by configuration state (up to date, "
                    + "out of date, unknown), by agent release and by what each TLS mode would do to them. Each count "
                    + "matches a filter of the list (status, configuration, agentRelease) or the TLS report.")
    public ComputerSummary summary() throws SQLException {
        return ComputerSummary.of(summaries.count());
    }
}
