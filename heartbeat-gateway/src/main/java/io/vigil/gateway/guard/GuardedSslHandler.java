package io.vigil.gateway.guard;

import io.micrometer.core.instrument.Counter;
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
 * Everything runs on the connection's event loop.
 */
final class GuardedSslHandler extends SslHandler {

    private final UnauthenticatedConnections limiter;
    private final Counter refused;
    private InetAddress address;
    private boolean counted;

    GuardedSslHandler(SSLEngine engine, boolean startTls, Executor executor, UnauthenticatedConnections limiter,
                      Counter refused) {
        super(engine, startTls, executor);
        this.limiter = limiter;
        this.refused = refused;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        super.handlerAdded(ctx);
        if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress remote)) {
            return;
        }
        address = remote.getAddress();
        if (!limiter.open(address)) {
            refused.increment();
            ctx.close();
            return;
        }
        counted = true;
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
            limiter.release(address);
        }
    }
}
