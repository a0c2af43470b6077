package io.vigil.registry.tls;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.vigil.console.ProblemException;
import io.vigil.console.Problems;
import io.vigil.registry.computer.ComputerFilter;
import io.vigil.registry.computer.ComputerRepository;
import io.vigil.registry.computer.ComputerRow;
import io.vigil.tls.TlsCompatibility;
import io.vigil.tls.TlsMode;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code GET /api/computers/tlscompatibility?mode=...}: every computer that is not deactivated and that the mode
 * would not ({@code cut-off}) or might not ({@code unknown}) let in, judged by the tls-catalog from its release,
 * version and the TLS it was last seen using.
 */
@Tag(name = "Computers", description = "Activated computers, their status and placement (agent-registry).")
@Path("/api/computers/tlscompatibility")
@Produces(MediaType.APPLICATION_JSON)
public class TlsCompatibilityResource {

    public record LastTls(String protocol, String cipherSuite) {
    }

    public record Entry(long ID, String hostName, String agentVersion, String agentRelease, LastTls lastTls,
                        String verdict, String reason) {
    }

    public record Report(String mode, List<Entry> computers) {
    }

    /** The {@code mode} query parameter: a TLS mode's configuration name. */
    @Schema(type = SchemaType.STRING, enumeration = {"default", "legacy", "strong", "fips"})
    public record ModeParam(TlsMode mode) {

        /** JAX-RS's conversion of the query parameter. */
        public static ModeParam fromString(String name) {
            try {
                return new ModeParam(TlsMode.fromConfig(name));
            } catch (IllegalArgumentException e) {
                throw Problems.webError(ProblemException.invalid("mode", "is not a TLS mode", name, allowed())
                        .problem());
            }
        }

        @Override
        public String toString() {
            return mode.configName();
        }
    }

    private final ComputerRepository computers;

    public TlsCompatibilityResource(ComputerRepository computers) {
        this.computers = computers;
    }

    @GET
    @Operation(operationId = "getTlsCompatibility", summary = "Which computers a TLS mode would cut off",
            description = "Every computer not deactivated that the mode would (cut-off) or might (unknown) not let in.")
    public Report report(@QueryParam("mode") @NotNull(message = "is required") ModeParam modeParam)
            throws SQLException {
        TlsMode mode = modeParam.mode();
        List<Entry> entries = new ArrayList<>();
        long after = 0;
        while (true) {
            List<ComputerRepository.Joined> page = computers.list(
                    ComputerFilter.all(after, 1000));
            for (ComputerRepository.Joined joined : page) {
                ComputerRow c = joined.computer();
                if (!c.deactivated()) {
                    judge(mode, joined, entries);
                }
                after = c.id();
            }
            if (page.size() < 1000) {
                return new Report(mode.configName(), entries);
            }
        }
    }

    private static void judge(TlsMode mode, ComputerRepository.Joined joined, List<Entry> entries) {
        ComputerRow c = joined.computer();
        String protocol = joined.runtime().tlsProtocol();
        String suite = joined.runtime().tlsCipherSuite();
        String version = joined.runtime().agentVersion() != null ? joined.runtime().agentVersion()
                : c.agentVersion();
        TlsCompatibility.Verdict verdict = TlsCompatibility.judge(mode, c.agentRelease(), version, protocol, suite);
        if (verdict.status() != TlsCompatibility.Status.COMPATIBLE) {
            entries.add(new Entry(c.id(), c.hostName(), version, c.agentRelease(),
                    protocol == null ? null : new LastTls(protocol, suite), verdict.word(), verdict.reason()));
        }
    }

    private static String allowed() {
        return String.join(", ", Arrays.stream(TlsMode.values()).map(TlsMode::configName).toList());
    }
}
