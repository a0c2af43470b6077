package io.vigil.console.requests;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every HTTP request of the service its {@link RequestID} before routing: in the log context
 * ({@value RequestID#MDC_KEY}; Quarkus keeps it with the request's Vert.x context, so the worker thread that serves
 * the request logs it too) and in the answer's {@value RequestID#HEADER}, refusals included.
 */
@ApplicationScoped
public class RequestIDFilter {

    /** Before every other filter (the internal-port check runs at 10,000), so that refusals carry the ID too. */
    static final int PRIORITY = 20_000;

    void register(@Observes Filters filters) {
        filters.register(RequestIDFilter::identify, PRIORITY);
    }

    static void identify(RoutingContext context) {
        String id = RequestID.accept(context.request().getHeader(RequestID.HEADER));
        MDC.put(RequestID.MDC_KEY, id);
        context.response().putHeader(RequestID.HEADER, id);
        context.addEndHandler(done -> MDC.remove(RequestID.MDC_KEY));
        context.next();
    }
}
