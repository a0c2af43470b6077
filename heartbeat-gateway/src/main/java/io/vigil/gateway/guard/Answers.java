package io.vigil.gateway.guard;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vigil.console.Problem;
import io.vigil.events.EventJson;

/** Problem answers given by the agent port's guards before a request reaches its resource. */
final class Answers {

    private Answers() {
    }

    /**
     * Answers once the request body (at most 1 MiB, see BodyLimit) has been read and discarded, so the connection
     * stays usable for the agent's next request.
     */
    static void afterBody(RoutingContext context, Problem problem, long retryAfterSeconds) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            send(context, problem, retryAfterSeconds, false);
            return;
        }
        request.handler(ignored -> {
        });
        request.exceptionHandler(ignored -> {
        });
        request.endHandler(done -> send(context, problem, retryAfterSeconds, false));
        request.resume();
    }

    /** Answers at once and closes the connection once the answer is written; the body is not read. */
    static void andClose(RoutingContext context, Problem problem) {
        send(context, problem, 0, true);
    }

    private static void send(RoutingContext context, Problem problem, long retryAfterSeconds, boolean close) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfterSeconds > 0) {
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
        }
        response.end(Buffer.buffer(EventJson.toBytes(problem))).onComplete(done -> {
            if (close) {
                context.request().connection().close();
            }
        });
    }
}
