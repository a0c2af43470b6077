package io.vigil.policy.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import io.vigil.console.rest.Versioned;
import io.vigil.console.ids.PolicyID;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Internal REST: the registry checks policy IDs with it. Served only on the internal port, to the client certificate
 * of {@code urn:vigil:service:agent-registry} (see {@code vigil.internal.callers}); never on the console port.
 */
@Path("/internal/policies")
@Produces(MediaType.APPLICATION_JSON)
public class InternalPolicyResource {

    /** {@code {"ID", "name", "parentID"}}. */
    public record PolicyRef(@JsonProperty("ID") long id, String name, Long parentID) {
    }

    @Inject
    PolicyService policies;

    @GET
    @Path("{policyID}")
    public Uni<PolicyRef> get(@PathParam("policyID") PolicyID id) {
        return policies.get(id.value(), true)
                .map(Versioned::body).map(view -> new PolicyRef(view.id(), view.name(), view.parentID()));
    }
}
