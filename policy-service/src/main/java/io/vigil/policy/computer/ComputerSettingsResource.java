package io.vigil.policy.computer;

import io.vigil.console.openapi.ConsoleApiFilter;
import io.vigil.console.rest.EntityTags;
import io.vigil.console.rest.Versioned;
import jakarta.ws.rs.HeaderParam;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.smallrye.mutiny.Uni;
import io.vigil.console.ApiKeyFilter;
import io.vigil.console.ids.ComputerID;
import io.vigil.policy.api.SettingParam;
import io.vigil.policy.api.ValueBody;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.Map;

/** Console API: one computer's effective settings with their sources, and its own overrides. */
@Tag(name = "Computer settings", description = "One computer's effective settings with their sources, and its own overrides (policy-service).")
@Path("/api/computers/{computerID}/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComputerSettingsResource {

    static final String IF_MATCH = "The ETag of the computer's settings as last read: the write happens only while "
            + "it is current (else 412). Without it the write is unconditional.";

    @Inject
    ComputerSettingsService settings;

    @GET
    @Operation(operationId = "getComputerSettings", summary = "Read a computer's effective settings",
            description = "Every setting with its value and where it comes from. The ETag names the version of the "
                    + "computer's own settings (for If-Match on writes).")
    @Extension(name = ConsoleApiFilter.ETAG, value = "true")
    public Uni<RestResponse<Map<String, ComputerSettingView>>> all(@PathParam("computerID") ComputerID id) {
        return settings.effective(id.value()).map(Versioned::ok);
    }

    @GET
    @Path("{settingName}")
    @Operation(operationId = "getComputerSetting", summary = "Read one of a computer's effective settings",
            description = "The ETag is the version of the computer's own settings.")
    @Extension(name = ConsoleApiFilter.ETAG, value = "true")
    public Uni<RestResponse<ComputerSettingView>> one(@PathParam("computerID") ComputerID id,
                                                      @PathParam("settingName") SettingParam name) {
        return settings.effective(id.value()).map(all -> all.with(all.body().get(name.setting().apiName())).ok());
    }

    @POST
    @Path("{settingName}")
    @Operation(operationId = "setComputerSetting", summary = "Set a setting on a computer",
            description = "A computer-level override; answers the effective value and its source. With If-Match: "
                    + "only while the computer's settings are at that version (else 412).")
    @Extension(name = ConsoleApiFilter.ETAG, value = "true")
    public Uni<RestResponse<ComputerSettingView>> set(@PathParam("computerID") ComputerID id,
                                                      @PathParam("settingName") SettingParam name,
                                                      @NotNull(message = "the body must be a JSON object") @Valid
                                                      ValueBody body,
                                                      @HeaderParam(EntityTags.IF_MATCH) @Parameter(description =
                                                              IF_MATCH) String ifMatch,
                                                      @Context ContainerRequestContext request) {
        return settings.set(id.value(), name.setting(), body.value(), ApiKeyFilter.actor(request), ifMatch)
                .map(Versioned::ok);
    }

    @DELETE
    @Path("{settingName}")
    @Operation(operationId = "resetComputerSetting", summary = "Reset a computer's setting to its policy's",
            description = "Answers the now effective value and its source. With If-Match: only while the computer's "
                    + "settings are at that version (else 412).")
    @Extension(name = ConsoleApiFilter.ETAG, value = "true")
    public Uni<RestResponse<ComputerSettingView>> reset(@PathParam("computerID") ComputerID id,
                                                        @PathParam("settingName") SettingParam name,
                                                        @HeaderParam(EntityTags.IF_MATCH) @Parameter(description =
                                                                IF_MATCH) String ifMatch,
                                                        @Context ContainerRequestContext request) {
        return settings.reset(id.value(), name.setting(), ApiKeyFilter.actor(request), ifMatch).map(Versioned::ok);
    }
}
