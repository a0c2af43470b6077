package io.vigil.gateway.guard;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The agent port's TLS handler, counting the connection against its source address until the handshake shows a
 * client certificate ({@link UnauthenticatedConnections}); a connection beyond the address's cap is closed at once.
 * It places the {@link RequestDeadlines} right after itself. Everything runs on the connection's event loop.
 */
final class GuardedSslHandler extends SslHandler {

    private final ConnectionGuards guards;
    private InetAddress address;
    private boolean counted;

    GuardedSslHandler(SSLEngine engine, boolean startTls, Executor executor, ConnectionGuards guards) {
        super(engine, startTls, executor);
        this.guards = guards;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress remote)) {
            return;
        }
        address = remote.getAddress();
        if (!guards.unauthenticated().open(address)) {
            guards.refused().increment();
            ctx.close();
            return;
        }
        counted = true;
        ctx.pipeline().addAfter(ctx.name(), RequestDeadlines.NAME, new RequestDeadlines(guards.deadlines()).bytes());
        handshakeFuture().addListener(done -> {
            if (done.isSuccess() && presentedCertificate()) {
                release();
            }
        });
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        release();
        super.channelInactive(ctx);
    }

    private boolean presentedCertificate() {
        try {
            return engine().getSession().getPeerCertificates().length > 0;
        } catch (SSLPeerUnverifiedException e) {
            return false;
        }
    }

    private void release() {
        if (counted) {
            counted = false;
            guards.unauthenticated().release(address);
        }
    }
}
