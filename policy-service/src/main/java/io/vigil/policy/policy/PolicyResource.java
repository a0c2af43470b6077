package io.vigil.policy.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import io.vigil.policy.api.RequestParams;
import io.vigil.policy.api.SettingBodies;
import io.vigil.policy.setting.SettingName;
import jakarta.inject.Inject;
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

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** Console API: the policy tree and the settings set on policies (docs/console-api.md). */
@Path("/api/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {

    @Inject
    PolicyService policies;

    @GET
    public Uni<PolicyList> list(@QueryParam("after") String after, @QueryParam("limit") String limit,
                                @QueryParam("overrides") String overrides) {
        return policies.list(RequestParams.after(after), RequestParams.limit(limit),
                RequestParams.flag("overrides", overrides));
    }

    @POST
    public Uni<Response> create(JsonNode body, @Context ContainerRequestContext request) {
        return policies.create(PolicyRequest.parse(body), RequestParams.actor(request))
                .map(view -> Response.created(URI.create("/api/policies/" + view.id())).entity(view).build());
    }

    @GET
    @Path("{policyID}")
    public Uni<PolicyView> get(@PathParam("policyID") String id, @QueryParam("overrides") String overrides) {
        return policies.get(RequestParams.id(id, "policy"), RequestParams.flag("overrides", overrides));
    }

    @POST
    @Path("{policyID}")
    public Uni<PolicyView> modify(@PathParam("policyID") String id, JsonNode body,
                                  @Context ContainerRequestContext request) {
        return policies.modify(RequestParams.id(id, "policy"), PolicyRequest.parse(body), RequestParams.actor(request));
    }

    @DELETE
    @Path("{policyID}")
    public Uni<Response> delete(@PathParam("policyID") String id, @Context ContainerRequestContext request) {
        return policies.delete(RequestParams.id(id, "policy"), RequestParams.actor(request))
                .replaceWith(Response.noContent().build());
    }

    @GET
    @Path("{policyID}/settings/{settingName}")
    public Uni<SettingValue> setting(@PathParam("policyID") String id, @PathParam("settingName") String name) {
        SettingName setting = RequestParams.setting(name);
        return policies.get(RequestParams.id(id, "policy"), false)
                .map(view -> view.policySettings().get(setting.apiName()));
    }

    @POST
    @Path("{policyID}/settings/{settingName}")
    public Uni<SettingValue> set(@PathParam("policyID") String id, @PathParam("settingName") String name,
                                 JsonNode body, @Context ContainerRequestContext request) {
        long policyID = RequestParams.id(id, "policy");
        SettingName setting = RequestParams.setting(name);
        return change(policyID, setting, SettingBodies.value(body), request);
    }

    @DELETE
    @Path("{policyID}/settings/{settingName}")
    public Uni<SettingValue> reset(@PathParam("policyID") String id, @PathParam("settingName") String name,
                                   @Context ContainerRequestContext request) {
        return change(RequestParams.id(id, "policy"), RequestParams.setting(name), null, request);
    }

    private Uni<SettingValue> change(long policyID, SettingName setting, String value,
                                     ContainerRequestContext request) {
        Map<String, String> settings = new HashMap<>();
        settings.put(setting.apiName(), value);
        return policies.modify(policyID, new PolicyRequest(null, null, false, null, settings),
                        RequestParams.actor(request))
                .map(view -> view.policySettings().get(setting.apiName()));
    }
}
