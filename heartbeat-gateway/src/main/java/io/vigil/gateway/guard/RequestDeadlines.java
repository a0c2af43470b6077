package io.vigil.gateway.guard;

import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines of one agent-port connection that no steady trickle of bytes can defeat (slowloris): a request head must
 * be complete within {@code head} of its first byte, its body within {@code body} of the end of the head; otherwise
 * the connection is closed. Between requests (a kept-alive agent waiting for its next heartbeat) no deadline runs:
 * the idle timeout governs. Two handlers share the state: {@link #bytes()} sits right after the TLS handler and sees
 * a head's first byte, {@link Messages} sits after the HTTP decoder and sees the decoded head and the body's end.
 * Everything runs on the connection's event loop.
 */
final class RequestDeadlines {

    /** The two deadlines and the counters of connections cut by each. */
    record Settings(Duration head, Duration body, Counter headCuts, Counter bodyCuts) {
    }

    static final String NAME = "vigil-request-deadlines";

    private final Settings settings;
    private boolean betweenRequests = true;
    private boolean watching;
    private ScheduledFuture<?> timer;

    RequestDeadlines(Settings settings) {
        this.settings = settings;
    }

    /** The handler to place right after the TLS handler (it installs the other one once the HTTP decoder exists). */
    ChannelInboundHandlerAdapter bytes() {
        return new Bytes();
    }

    private void arm(ChannelHandlerContext ctx, Duration deadline, Counter cuts) {
        cancel();
        timer = ctx.executor().schedule(() -> {
            cuts.increment();
            ctx.close();
        }, deadline.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    /** Raw (decrypted) bytes: the first byte of a request starts the head deadline. */
    private final class Bytes extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (betweenRequests && msg instanceof ByteBuf buffer && buffer.isReadable() && watch(ctx)) {
                betweenRequests = false;
                arm(ctx, settings.head(), settings.headCuts());
            }
            super.channelRead(ctx, msg);
        }

        /** Installs {@link Messages} after the HTTP decoder (there once the handshake is done); false without one. */
        private boolean watch(ChannelHandlerContext ctx) {
            if (!watching) {
                ChannelHandlerContext decoder = ctx.pipeline().context(HttpRequestDecoder.class);
                if (decoder == null) {
                    return false;
                }
                ctx.pipeline().addAfter(decoder.name(), NAME + "-messages", new Messages());
                watching = true;
            }
            return true;
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            cancel();
            super.channelInactive(ctx);
        }
    }

    /** Decoded HTTP: a complete head ends the head deadline and starts the body's; the body's end ends that. */
    private final class Messages extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest) {
                cancel();
                if (!(msg instanceof LastHttpContent)) {
                    arm(ctx, settings.body(), settings.bodyCuts());
                }
            }
            if (msg instanceof LastHttpContent) {
                cancel();
                betweenRequests = true;
            }
            super.channelRead(ctx, msg);
        }
    }
}
