package io.vigil.registry.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.console.ProblemException;
import io.vigil.console.ids.ComputerID;
import io.vigil.registry.computer.ComputerRepository;
import io.vigil.registry.computer.RuntimeRow;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;

/** {@code GET /api/computers/{computerID}/configuration}: which setting differs, and where its value comes from. */
@Tag(name = "Computers", description = "Activated computers, their status and placement (agent-registry).")
@Path("/api/computers/{computerID}/configuration")
@Produces(MediaType.APPLICATION_JSON)
public class ComputerConfigurationResource {

    private final ComputerRepository computers;
    private final ConfigurationStore store;

    public ComputerConfigurationResource(ComputerRepository computers, ConfigurationStore store) {
        this.computers = computers;
        this.store = store;
    }

    @GET
    @Operation(operationId = "getComputerConfiguration", summary = "Explain a computer's configuration",
            description = "The expected and the reported configuration (fingerprint and document), whether they are "
                    + "the same, and when not which members differ with the setting and level (computer, policy "
                    + "and which, default, rule) each expected value comes from; 'not known' when the reported "
                    + "fingerprint matches no document the platform published.")
    public ConfigurationReport get(@PathParam("computerID") ComputerID id) throws SQLException {
        RuntimeRow runtime = computers.find(id.value()).orElseThrow(() -> ProblemException.notFound("computer", id))
                .runtime();
        String expected = runtime.expectedFingerprint();
        String reported = runtime.reportedFingerprint();
        JsonNode expectedDocument = store.document(expected).orElse(null);
        JsonNode reportedDocument = reported != null && !reported.equals(expected)
                ? store.document(reported).orElse(null) : expectedDocument;
        return ConfigurationReport.of(id.value(), expected, expectedDocument, store.expected(id.value()).orElse(null),
                reported, reportedDocument);
    }
}
