package io.vigil.gateway.heartbeat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vigil.console.Problem;
import io.vigil.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.util.Locale;

/**
 * Agent bodies over 1 MiB get 413 problem+json ({@code body-too-large}) and the connection stays usable: the oversize
 * body is read and discarded before the answer; beyond the drain limit the answer comes at once and the connection is
 * closed (the rules are {@link BodySize}'s). Runs before Quarkus's own limit, which answers an empty 413 and closes.
 * <ul>
 * <li>{@code Content-Length}: decided from the header; a body within the limit goes on untouched (the hot path: one
 * header lookup).</li>
 * <li>{@code Transfer-Encoding: chunked}: {@link ChunkedBody} reads the body on the event loop, counting; within the
 * limit it becomes the routing context's body, which RESTEasy then reads instead of the request stream.</li>
 * </ul>
 */
@ApplicationScoped
public class BodyLimit {

    private static final Logger LOG = Logger.getLogger(BodyLimit.class);
    private static final Problem TOO_LARGE = Problem.of(413, "body-too-large", "Payload too large",
            "agent request bodies are limited to 1 MiB; send older log entries in a later heartbeat");

    void install(@Observes Router router) {
        router.route("/agent/v1/*").order(Integer.MIN_VALUE).handler(BodyLimit::check);
    }

    private static void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            if (chunked(request)) {
                ChunkedBody.read(context);
            } else {
                context.next();
            }
            return;
        }
        long length;
        try {
            length = Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        switch (BodySize.of(length)) {
            case KEEP -> context.next();
            case DRAIN -> {
                request.handler(ignored -> {
                });
                request.endHandler(done -> tooLarge(context, false));
                request.exceptionHandler(BodyLimit::lost);
                request.resume();
            }
            case CLOSE -> answerAndClose(context);
        }
    }

    private static boolean chunked(HttpServerRequest request) {
        String encoding = request.getHeader(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.toLowerCase(Locale.ROOT).contains("chunked");
    }

    /** The 413 problem; with {@code Connection: close} when the connection is about to be closed. */
    static void tooLarge(RoutingContext context, boolean close) {
        HttpServerResponse response = context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(Buffer.buffer(EventJson.toBytes(TOO_LARGE)));
    }

    /**
     * Beyond the drain limit: answers 413 at once, goes on discarding what arrives, and closes the connection when the
     * request ends, or once the linger allowance of bytes or time is used up (a client still writing its body thus
     * reads the answer instead of a connection reset).
     */
    static void answerAndClose(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpConnection connection = request.connection();
        long timer = context.vertx().setTimer(BodySize.LINGER_MILLIS, id -> connection.close());
        Runnable close = () -> {
            context.vertx().cancelTimer(timer);
            connection.close();
        };
        long[] discarded = {0};
        request.handler(chunk -> {
            discarded[0] += chunk.length();
            if (BodySize.lingerUsedUp(discarded[0])) {
                close.run();
            }
        });
        request.endHandler(done -> close.run());
        request.exceptionHandler(BodyLimit::lost);
        tooLarge(context, true);
        request.resume();
    }

    static void lost(Throwable failure) {
        LOG.debugf("agent request body not read to its end: %s", failure.toString());
    }
}
