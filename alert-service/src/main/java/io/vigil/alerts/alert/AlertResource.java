package io.vigil.alerts.alert;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigil.console.ApiKeyFilter;
import io.vigil.console.ApiKeys;
import io.vigil.console.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** Console REST API of alerts (docs/console-api.md). */
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    /** The list answer: {@code {"alerts": [...]}}. */
    public record AlertList(List<AlertView> alerts) {
    }

    private final AlertDismissal dismissal;

    public AlertResource(AlertDismissal dismissal) {
        this.dismissal = dismissal;
    }

    @GET
    public Uni<AlertList> list(@QueryParam("state") String state, @QueryParam("computerID") String computerID,
                               @QueryParam("alertType") String alertType, @QueryParam("limit") String limit,
                               @QueryParam("after") String after) {
        AlertQuery query = AlertQuery.parse(state, computerID, alertType, limit, after);
        return Panache.withSession(() -> AlertEntity.<AlertEntity>find(query.where(), query.parameters())
                        .page(0, query.limit()).list())
                .map(alerts -> new AlertList(alerts.stream().map(AlertMapper::toView).toList()));
    }

    @GET
    @Path("/{alertID}")
    public Uni<AlertView> get(@PathParam("alertID") String alertID) {
        long id = id(alertID);
        return Panache.withSession(() -> AlertEntity.<AlertEntity>findById(id)).map(alert -> {
            if (alert == null) {
                throw ProblemException.notFound("alert", id);
            }
            return AlertMapper.toView(alert);
        });
    }

    @POST
    @Path("/{alertID}/dismiss")
    public Uni<AlertView> dismiss(@PathParam("alertID") String alertID, @Context ContainerRequestContext request) {
        long id = id(alertID);
        ApiKeys.Caller caller = (ApiKeys.Caller) request.getProperty(ApiKeyFilter.CALLER);
        return dismissal.dismiss(id, caller == null ? "unknown" : caller.actor());
    }

    private static long id(String value) {
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid("alertID", "must be a positive whole number", value, "1..");
    }
}
