package io.vigil.gateway.guard;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.Future;
import io.vigil.gateway.guard.UnauthenticatedConnections.Admission;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * The agent port's TLS handler, holding one of its source address's places for connections without a client
 * certificate until the handshake shows one ({@link UnauthenticatedConnections}). A connection that finds every place
 * taken waits for one unread (its ClientHello stays in the socket) for up to the connection wait, then its handshake
 * gets the whole handshake timeout; a connection that finds the waiting places taken too is closed at once. It places
 * the {@link RequestDeadlines} right after itself once it holds a place. Everything runs on the connection's event
 * loop, except the call that hands it a place, which only schedules the rest there.
 */
final class GuardedSslHandler extends SslHandler {

    private final ConnectionGuards guards;
    private final UnauthenticatedConnections.Waiter waiter = this::placed;
    private ChannelHandlerContext context;
    private InetAddress address;
    private long handshakeTimeoutMillis;
    private boolean counted;
    private boolean waiting;
    private Future<?> waitExpiry;

    GuardedSslHandler(SSLEngine engine, boolean startTls, Executor executor, ConnectionGuards guards) {
        super(engine, startTls, executor);
        this.guards = guards;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        if (!(ctx.channel().remoteAddress() instanceof InetSocketAddress remote)) {
            super.handlerAdded(ctx);
            return;
        }
        context = ctx;
        address = remote.getAddress();
        handshakeTimeoutMillis = getHandshakeTimeoutMillis();
        Admission admission = guards.unauthenticated().open(address, waiter);
        if (admission == Admission.WAITING) {
            // the handshake timer starts now; this handler's own one (from the place on) bounds the handshake
            setHandshakeTimeoutMillis(handshakeTimeoutMillis + guards.placeWait().toMillis());
            ctx.channel().config().setAutoRead(false);
        }
        super.handlerAdded(ctx);
        switch (admission) {
            case ADMITTED -> holdPlace(ctx);
            case WAITING -> {
                waiting = true;
                waitExpiry = ctx.executor().schedule(this::waitedTooLong, guards.placeWait().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
            case REFUSED -> {
                guards.refused().increment();
                ctx.close();
            }
        }
    }

    private void holdPlace(ChannelHandlerContext ctx) {
        counted = true;
        ctx.pipeline().addAfter(ctx.name(), RequestDeadlines.NAME, new RequestDeadlines(guards.deadlines()).bytes());
        handshakeFuture().addListener(done -> {
            if (done.isSuccess() && presentedCertificate()) {
                release();
            }
        });
    }

    /** Called by whichever thread freed the place. */
    private void placed() {
        context.executor().execute(this::startAfterWaiting);
    }

    private void startAfterWaiting() {
        waiting = false;
        if (waitExpiry != null) {
            waitExpiry.cancel(false);
        }
        if (!context.channel().isActive()) {
            guards.unauthenticated().release(address); // closed while the place was on its way: pass it on
            return;
        }
        guards.waited().increment();
        holdPlace(context);
        context.executor().schedule(() -> {
            if (!handshakeFuture().isDone()) {
                context.close();
            }
        }, handshakeTimeoutMillis, TimeUnit.MILLISECONDS);
        context.channel().config().setAutoRead(true); // reads the ClientHello waiting in the socket
    }

    private void waitedTooLong() {
        if (waiting && guards.unauthenticated().stopWaiting(address, waiter)) {
            waiting = false;
            guards.refused().increment();
            context.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (waiting && guards.unauthenticated().stopWaiting(address, waiter)) {
            waiting = false;
            if (waitExpiry != null) {
                waitExpiry.cancel(false);
            }
        }
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
