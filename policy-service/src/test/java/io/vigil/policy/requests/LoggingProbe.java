package io.vigil.policy.requests;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

/**
 * A test-only console endpoint that logs one line while it serves a request, as any resource of the service would
 * (under {@code /api}: the console port serves nothing else; hidden from the OpenAPI document).
 */
@Path("/api/test/logging-probe")
public class LoggingProbe {

    static final String LINE = "logging probe served";
    private static final Logger LOG = Logger.getLogger(LoggingProbe.class);

    @GET
    @Operation(hidden = true)
    public String serve() {
        LOG.info(LINE);
        return "logged";
    }
}
