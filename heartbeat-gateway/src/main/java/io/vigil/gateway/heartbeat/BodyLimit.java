package io.vigil.gateway.heartbeat;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vigil.console.Problem;
import io.vigil.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Agent bodies over 1 MiB get 413 problem+json, and the connection stays usable: the oversize body is read and
 * discarded before the answer (up to {@value #DRAIN_LIMIT} bytes; beyond that the connection is closed). Runs before
 * Quarkus's own limit, which closes the connection.
 */
@ApplicationScoped
public class BodyLimit {

    static final long LIMIT = 1024 * 1024;
    static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    void install(@Observes Router router) {
        router.route("/agent/v1/*").order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext context) {
        String header = context.request().getHeader("Content-Length");
        long length;
        try {
            length = header == null ? -1 : Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= LIMIT) {
            context.next();
            return;
        }
        Buffer problem = Buffer.buffer(EventJson.toBytes(Problem.of(413, "body-too-large", "Payload too large",
                "agent request bodies are limited to 1 MiB; send older log entries in a later heartbeat")));
        boolean drain = length <= DRAIN_LIMIT;
        context.request().handler(ignored -> {
        });
        Runnable answer = () -> {
            var response = context.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE);
            if (!drain) {
                response.putHeader("Connection", "close");
            }
            response.end(problem);
        };
        if (drain) {
            context.request().endHandler(done -> answer.run());
            context.request().resume();
        } else {
            answer.run();
            context.request().connection().close();
        }
    }
}
