package io.vigil.gateway.guard;

import io.micrometer.core.instrument.Counter;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.DelegatingSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.SSLEngineOptions;
import io.vertx.core.spi.tls.SslContextFactory;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * Wraps the agent port's TLS engine options (whatever they are, e.g. the ordered-suite ones) so that every server
 * connection gets a {@link GuardedSslHandler}.
 */
final class GuardedEngineOptions extends JdkSSLEngineOptions {

    private final SSLEngineOptions delegate;
    private final UnauthenticatedConnections limiter;
    private final Counter refused;

    GuardedEngineOptions(SSLEngineOptions delegate, UnauthenticatedConnections limiter, Counter refused) {
        this.delegate = delegate;
        this.limiter = limiter;
        this.refused = refused;
    }

    @Override
    public GuardedEngineOptions copy() {
        return new GuardedEngineOptions(delegate.copy(), limiter, refused);
    }

    @Override
    public SslContextFactory sslContextFactory() {
        return new Factory(delegate.sslContextFactory(), limiter, refused);
    }

    private record Factory(SslContextFactory delegate, UnauthenticatedConnections limiter, Counter refused)
            implements SslContextFactory {

        @Override
        public SslContextFactory useAlpn(boolean useAlpn) {
            delegate.useAlpn(useAlpn);
            return this;
        }

        @Override
        public SslContextFactory clientAuth(ClientAuth clientAuth) {
            delegate.clientAuth(clientAuth);
            return this;
        }

        @Override
        public SslContextFactory forClient(boolean forClient) {
            delegate.forClient(forClient);
            return this;
        }

        @Override
        public SslContextFactory keyMananagerFactory(KeyManagerFactory factory) {
            delegate.keyMananagerFactory(factory);
            return this;
        }

        @Override
        public SslContextFactory trustManagerFactory(TrustManagerFactory factory) {
            delegate.trustManagerFactory(factory);
            return this;
        }

        @Override
        public SslContextFactory enabledCipherSuites(Set<String> suites) {
            delegate.enabledCipherSuites(suites);
            return this;
        }

        @Override
        public SslContextFactory applicationProtocols(List<String> protocols) {
            delegate.applicationProtocols(protocols);
            return this;
        }

        @Override
        public SslContextFactory serverName(String serverName) {
            delegate.serverName(serverName);
            return this;
        }

        @Override
        public SslContext create() throws SSLException {
            return new Guarded(delegate.create(), limiter, refused);
        }
    }

    /** Hands out {@link GuardedSslHandler}s for the server side. */
    private static final class Guarded extends DelegatingSslContext {

        private final UnauthenticatedConnections limiter;
        private final Counter refused;

        Guarded(SslContext context, UnauthenticatedConnections limiter, Counter refused) {
            super(context);
            this.limiter = limiter;
            this.refused = refused;
        }

        @Override
        protected void initEngine(SSLEngine engine) {
            // the wrapped context configured it
        }

        @Override
        protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls, Executor executor) {
            return isClient() ? super.newHandler(alloc, startTls, executor)
                    : new GuardedSslHandler(newEngine(alloc), startTls, executor, limiter, refused);
        }

        @Override
        protected SslHandler newHandler(ByteBufAllocator alloc, String host, int port, boolean startTls,
                                        Executor executor) {
            return isClient() ? super.newHandler(alloc, host, port, startTls, executor)
                    : new GuardedSslHandler(newEngine(alloc, host, port), startTls, executor, limiter, refused);
        }
    }
}
