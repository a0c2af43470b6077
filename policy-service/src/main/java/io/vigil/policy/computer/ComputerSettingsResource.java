package io.vigil.policy.computer;

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

    @Inject
    ComputerSettingsService settings;

    @GET
    @Operation(operationId = "getComputerSettings", summary = "Read a computer's effective settings",
            description = "Every setting with its value and where it comes from.")
    public Uni<Map<String, ComputerSettingView>> all(@PathParam("computerID") ComputerID id) {
        return settings.effective(id.value());
    }

    @GET
    @Path("{settingName}")
    @Operation(operationId = "getComputerSetting", summary = "Read one of a computer's effective settings")
    public Uni<ComputerSettingView> one(@PathParam("computerID") ComputerID id,
                                        @PathParam("settingName") SettingParam name) {
        return settings.effective(id.value()).map(all -> all.get(name.setting().apiName()));
    }

    @POST
    @Path("{settingName}")
    @Operation(operationId = "setComputerSetting", summary = "Set a setting on a computer",
            description = "A computer-level override; answers the effective value and its source.")
    public Uni<ComputerSettingView> set(@PathParam("computerID") ComputerID id,
                                        @PathParam("settingName") SettingParam name,
                                        @NotNull(message = "the body must be a JSON object") @Valid ValueBody body,
                                        @Context ContainerRequestContext request) {
        return settings.set(id.value(), name.setting(), body.value(), ApiKeyFilter.actor(request));
    }

    @DELETE
    @Path("{settingName}")
    @Operation(operationId = "resetComputerSetting", summary = "Reset a computer's setting to its policy's",
            description = "Answers the now effective value and its source.")
    public Uni<ComputerSettingView> reset(@PathParam("computerID") ComputerID id,
                                          @PathParam("settingName") SettingParam name,
                                          @Context ContainerRequestContext request) {
        return settings.reset(id.value(), name.setting(), ApiKeyFilter.actor(request));
    }
}
