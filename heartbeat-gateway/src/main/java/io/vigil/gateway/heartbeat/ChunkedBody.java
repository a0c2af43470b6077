package io.vigil.gateway.heartbeat;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Reads a chunked agent request body on the event loop before RESTEasy sees the request, counting its bytes. Within
 * {@link BodySize#LIMIT} the body is kept and, at its end, becomes the routing context's body and routing goes on.
 * Beyond it nothing more is kept: the rest is discarded and the answer is 413 at the end of the body, or at once with
 * the connection closed beyond {@link BodySize#DRAIN_LIMIT}.
 */
final class ChunkedBody implements Handler<Buffer> {

    private static final int INITIAL_CAPACITY = 16 * 1024;

    private final RoutingContext context;
    private Buffer body = Buffer.buffer(INITIAL_CAPACITY);
    private long received;

    private ChunkedBody(RoutingContext context) {
        this.context = context;
    }

    static void read(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.headers().contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            // answered here, before the body is read; RESTEasy would otherwise send a second one after it
            request.headers().remove(HttpHeaders.EXPECT);
            context.response().writeContinue();
        }
        ChunkedBody reader = new ChunkedBody(context);
        request.handler(reader);
        request.endHandler(reader::end);
        request.exceptionHandler(BodyLimit::lost);
        request.resume();
    }

    @Override
    public void handle(Buffer chunk) {
        received += chunk.length();
        switch (BodySize.of(received)) {
            case KEEP -> body.appendBuffer(chunk);
            case DRAIN -> body = null;
            case CLOSE -> BodyLimit.answerAndClose(context);
        }
    }

    private void end(Void ignored) {
        if (body == null) {
            BodyLimit.tooLarge(context, false);
        } else {
            context.setBody(body);
            context.next();
        }
    }
}
