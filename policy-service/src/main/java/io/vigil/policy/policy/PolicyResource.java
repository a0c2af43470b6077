package io.vigil.policy.policy;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.smallrye.mutiny.Uni;
import io.vigil.console.ApiKeyFilter;
import io.vigil.console.ids.PolicyID;
import io.vigil.console.openapi.ConsoleApiFilter;
import io.vigil.console.rest.EntityTags;
import io.vigil.console.rest.Page;
import io.vigil.console.rest.Versioned;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import io.vigil.policy.api.SettingParam;
import io.vigil.policy.api.ValueBody;
import io.vigil.policy.setting.SettingName;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
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

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Console API: the policy tree and the settings set on policies (docs/console-api.md). */
@Tag(name = "Policies", description = "The policy tree and the settings set on policies (policy-service).")
@Path("/api/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    static final String BODY = "the body must be a JSON object";
    static final String IF_MATCH = "The ETag of the policy as last read: the write happens only while it is current "
            + "(else 412). Without it the write is unconditional.";

    @Inject
    PolicyService policies;

    @GET
    @Operation(operationId = "listPolicies", summary = "List policies",
            description = "Ascending by ID, keyset-paged. overrides=true: only the settings set on each policy.")
    public Uni<PolicyList> list(@BeanParam @Valid Page page, @QueryParam("overrides") @DefaultValue("false") boolean overrides) {
        return policies.list(page, overrides);
    }

    @POST
    @Operation(operationId = "createPolicy", summary = "Create a policy",
            description = "parentID defaults to 1 (the Base Policy); the answer carries Location.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new policy.",
            content = @Content(mediaType = "application/json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = PolicyView.class)))
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Extension(name = ConsoleApiFilter.ETAG, value = "true")
    public Uni<Response> create(@NotNull(message = BODY) @Valid PolicyBody body,
                                @Context ContainerRequestContext request) {
        return policies.create(PolicyRequest.of(body), ApiKeyFilter.actor(request))
                .map(created -> Response.created(URI.create("/api/policies/" + created.body().id()))
                        .header("ETag", created.etag()).entity(created.body()).build());
    }

    @GET
    @Path("{policyID}")
    @Operation(operationId = "getPolicy", summary = "Read a policy",
            description = "With the effective values of all settings; overrides=true: only those set on it. The ETag "
                    + "names the version of what is set on the policy (for If-Match on writes).")
    @Extension(name = ConsoleApiFilter.ETAG, value = "true")
    public Uni<RestResponse<PolicyView>> get(@PathParam("policyID") PolicyID id,
                                             @QueryParam("overrides") @DefaultValue("false") boolean overrides) {
        return policies.get(id.value(), overrides).map(Versioned::ok);
    }

    @POST
    @Path("{policyID}")
    @Operation(operationId = "modifyPolicy", summary = "Modify a policy",
            description = "Only the members present change; {\"value\": null} in policySettings resets a setting to inherit. "
                    + "With If-Match: only while the policy is at that version (else 412).")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Extension(name = ConsoleApiFilter.ETAG, value = "true")
    public Uni<RestResponse<PolicyView>> modify(@PathParam("policyID") PolicyID id,
                                                @NotNull(message = BODY) @Valid PolicyBody body,
                                                @HeaderParam(EntityTags.IF_MATCH) @Parameter(description = IF_MATCH)
                                                String ifMatch, @Context ContainerRequestContext request) {
        return policies.modify(id.value(), PolicyRequest.of(body), ApiKeyFilter.actor(request), ifMatch)
                .map(Versioned::ok);
    }

    @DELETE
    @Path("{policyID}")
    @Operation(operationId = "deletePolicy", summary = "Delete a policy",
            description = "Not the Base Policy (400); not while it has child policies or computers (409).")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<Response> delete(@PathParam("policyID") PolicyID id,
                                @HeaderParam(EntityTags.IF_MATCH) @Parameter(description = IF_MATCH) String ifMatch,
                                @Context ContainerRequestContext request) {
        return policies.delete(id.value(), ApiKeyFilter.actor(request), ifMatch)
                .replaceWith(Response.noContent().build());
    }

    @GET
    @Path("{policyID}/settings/{settingName}")
    @Operation(operationId = "getPolicySetting", summary = "Read a setting of a policy",
            description = "The effective value; the ETag is the policy's.")
    @Extension(name = ConsoleApiFilter.ETAG, value = "true")
    public Uni<RestResponse<SettingValue>> setting(@PathParam("policyID") PolicyID id,
                                                   @PathParam("settingName") SettingParam name) {
        return policies.get(id.value(), false)
                .map(got -> got.with(got.body().policySettings().get(name.setting().apiName())).ok());
    }

    @POST
    @Path("{policyID}/settings/{settingName}")
    @Operation(operationId = "setPolicySetting", summary = "Set a setting on a policy",
            description = "Answers the normalised value. With If-Match: only while the policy is at that version "
                    + "(else 412).")
    @Extension(name = ConsoleApiFilter.ETAG, value = "true")
    public Uni<RestResponse<SettingValue>> set(@PathParam("policyID") PolicyID id,
                                               @PathParam("settingName") SettingParam name,
                                               @NotNull(message = BODY) @Valid ValueBody body,
                                               @HeaderParam(EntityTags.IF_MATCH) @Parameter(description = IF_MATCH)
                                               String ifMatch, @Context ContainerRequestContext request) {
        return change(id.value(), name.setting(), body.value(), ifMatch, request);
    }

    @DELETE
    @Path("{policyID}/settings/{settingName}")
    @Operation(operationId = "resetPolicySetting", summary = "Reset a setting of a policy to inherit",
            description = "Answers the now effective value. With If-Match: only while the policy is at that version "
                    + "(else 412).")
    @Extension(name = ConsoleApiFilter.ETAG, value = "true")
    public Uni<RestResponse<SettingValue>> reset(@PathParam("policyID") PolicyID id,
                                                 @PathParam("settingName") SettingParam name,
                                                 @HeaderParam(EntityTags.IF_MATCH) @Parameter(description = IF_MATCH)
                                                 String ifMatch, @Context ContainerRequestContext request) {
        return change(id.value(), name.setting(), null, ifMatch, request);
    }

    private Uni<RestResponse<SettingValue>> change(long policyID, SettingName setting, String value, String ifMatch,
                                                   ContainerRequestContext request) {
        Map<String, String> settings = new HashMap<>();
        settings.put(setting.apiName(), value);
        return policies.modify(policyID, new PolicyRequest(null, null, false, null, settings),
                        ApiKeyFilter.actor(request), ifMatch)
                .map(changed -> changed.with(changed.body().policySettings().get(setting.apiName())).ok());
    }
}
