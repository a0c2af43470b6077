package io.vigil.policy.computer;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vigil.policy.api.RequestParams;
import io.vigil.policy.api.SettingBodies;
import jakarta.inject.Inject;
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
@Path("/api/computers/{computerID}/settings")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ComputerSettingsResource {

    @Inject
    ComputerSettingsService settings;

    @GET
    public Uni<Map<String, ComputerSettingView>> all(@PathParam("computerID") String id) {
        return settings.effective(RequestParams.id(id, "computer"));
    }

    @GET
    @Path("{settingName}")
    public Uni<ComputerSettingView> one(@PathParam("computerID") String id, @PathParam("settingName") String name) {
        long computerID = RequestParams.id(id, "computer");
        String apiName = RequestParams.setting(name).apiName();
        return settings.effective(computerID).map(all -> all.get(apiName));
    }

    @POST
    @Path("{settingName}")
    public Uni<ComputerSettingView> set(@PathParam("computerID") String id, @PathParam("settingName") String name,
                                        JsonNode body, @Context ContainerRequestContext request) {
        long computerID = RequestParams.id(id, "computer");
        var setting = RequestParams.setting(name);
        return settings.set(computerID, setting, SettingBodies.value(body), RequestParams.actor(request));
    }

    @DELETE
    @Path("{settingName}")
    public Uni<ComputerSettingView> reset(@PathParam("computerID") String id, @PathParam("settingName") String name,
                                          @Context ContainerRequestContext request) {
        return settings.reset(RequestParams.id(id, "computer"), RequestParams.setting(name),
                RequestParams.actor(request));
    }
}
