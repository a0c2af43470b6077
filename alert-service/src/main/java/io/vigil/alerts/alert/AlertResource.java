package io.vigil.alerts.alert;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vigil.console.ApiKeyFilter;
import io.vigil.console.ProblemException;
import io.vigil.console.ids.AlertID;
import io.vigil.console.rest.Page;
import io.vigil.console.rest.PagedList;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.BeanParam;
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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Console REST API of alerts (docs/console-api.md). */
@Tag(name = "Alerts", description = "Alerts raised by the platform (alert-service).")
@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
public class AlertResource {

    /** The list answer: {@code {"alerts": [...], "next": "/api/alerts?...after=42"}}. */
    public record AlertList(List<AlertView> alerts, String next) implements PagedList {
    }

    private final AlertDismissal dismissal;

    public AlertResource(AlertDismissal dismissal) {
        this.dismissal = dismissal;
    }

    @GET
    @Operation(operationId = "listAlerts", summary = "List alerts",
            description = "Filtered by state (default all), computer and type; ascending by ID, keyset-paged.")
    public Uni<AlertList> list(@QueryParam("state") @DefaultValue("all") AlertStateFilter state,
                               @QueryParam("computerID") @Positive(message = "must be a computer ID") Long computerID,
                               @QueryParam("alertType") AlertType alertType, @BeanParam @Valid Page page) {
        AlertQuery query = new AlertQuery(state.toString(), computerID, alertType == null ? null : alertType.id(),
                page.fetch(), page.after());
        return Panache.withSession(() -> AlertEntity.<AlertEntity>find(query.where(), query.parameters())
                        .page(0, query.limit()).list())
                .map(alerts -> {
                    Page.Slice<AlertEntity> slice = page.slice(alerts, alert -> alert.id);
                    return new AlertList(slice.items().stream().map(AlertMapper::toView).toList(), slice.next());
                });
    }

    @GET
    @Path("/summary")
    @Operation(operationId = "getAlertSummary", summary = "Count the open alerts",
            description = "The active alerts: the total, by type (with its name and severity) and by severity; every "
                    + "type and severity listed, 0 where none is open.")
    public Uni<AlertSummary> summary() {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                        .createSelectionQuery("select alertType, count(*) from AlertEntity where state = 'active' "
                                + "group by alertType", Object[].class)
                        .getResultList()))
                .map(rows -> {
                    Map<String, Long> counted = new HashMap<>();
                    rows.forEach(row -> counted.put((String) row[0], (Long) row[1]));
                    return AlertSummary.of(counted);
                });
    }

    @GET
    @Path("/{alertID}")
    @Operation(operationId = "getAlert", summary = "Read an alert")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    public Uni<AlertView> get(@PathParam("alertID") AlertID alertID) {
        long id = alertID.value();
        return Panache.withSession(() -> AlertEntity.<AlertEntity>findById(id)).map(alert -> {
            if (alert == null) {
                throw ProblemException.notFound("alert", id);
            }
            return AlertMapper.toView(alert);
        });
    }

    @POST
    @Path("/{alertID}/dismiss")
    @Operation(operationId = "dismissAlert", summary = "Dismiss an alert",
            description = "Only an active, dismissible alert (not platform-outage).")
    @APIResponse(responseCode = "400", ref = "InvalidRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Uni<AlertView> dismiss(@PathParam("alertID") AlertID alertID, @Context ContainerRequestContext request) {
        return dismissal.dismiss(alertID.value(), ApiKeyFilter.actor(request));
    }
}
