package io.vigil.gateway.guard;

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
 * connection gets a {@link GuardedSslHandler} (and with it the {@link ConnectionGuards}).
 */
final class GuardedEngineOptions extends JdkSSLEngineOptions {

    private final SSLEngineOptions delegate;
    private final ConnectionGuards guards;

    GuardedEngineOptions(SSLEngineOptions delegate, ConnectionGuards guards) {
        this.delegate = delegate;
        this.guards = guards;
    }

    @Override
    public GuardedEngineOptions copy() {
        return new GuardedEngineOptions(delegate.copy(), guards);
    }

    @Override
    public SslContextFactory sslContextFactory() {
        return new Factory(delegate.sslContextFactory(), guards);
    }

    private record Factory(SslContextFactory delegate, ConnectionGuards guards) implements SslContextFactory {

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
            return new Guarded(delegate.create(), guards);
        }
    }

    /** Hands out {@link GuardedSslHandler}s for the server side. */
    private static final class Guarded extends DelegatingSslContext {

        private final ConnectionGuards guards;

        Guarded(SslContext context, ConnectionGuards guards) {
            super(context);
            this.guards = guards;
        }

        @Override
        protected void initEngine(SSLEngine engine) {
            // the wrapped context configured it
        }

        @Override
        protected SslHandler newHandler(ByteBufAllocator alloc, boolean startTls, Executor executor) {
            return isClient() ? super.newHandler(alloc, startTls, executor)
                    : new GuardedSslHandler(newEngine(alloc), startTls, executor, guards);
        }

        @Override
        protected SslHandler newHandler(ByteBufAllocator alloc, String host, int port, boolean startTls,
                                        Executor executor) {
            return isClient() ? super.newHandler(alloc, host, port, startTls, executor)
                    : new GuardedSslHandler(newEngine(alloc, host, port), startTls, executor, guards);
        }
    }
}
