package io.vigil.gateway.tls;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslProvider;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.spi.tls.DefaultSslContextFactory;
import io.vertx.core.spi.tls.SslContextFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

/**
 * JDK TLS engine options that keep the configured cipher-suite order (Vert.x 4.5 passes the suites as a HashSet, which
 * loses the server's preference order; the JDK server honours the order it is given).
 */
public class OrderedSslEngineOptions extends JdkSSLEngineOptions {

    private final List<String> order;

    public OrderedSslEngineOptions(List<String> order) {
        this.order = List.copyOf(order);
    }

    @Override
    public OrderedSslEngineOptions copy() {
        return new OrderedSslEngineOptions(order);
    }

    @Override
    public SslContextFactory sslContextFactory() {
        return new Ordered(new DefaultSslContextFactory(SslProvider.JDK, false), order);
    }

    /** Delegates to Vert.x's factory, handing it the suites in the configured order. */
    private record Ordered(SslContextFactory delegate, List<String> order) implements SslContextFactory {

        @Override
        public SslContextFactory enabledCipherSuites(Set<String> suites) {
            Set<String> ordered = new LinkedHashSet<>();
            order.stream().filter(suites::contains).forEach(ordered::add);
            ordered.addAll(suites);
            delegate.enabledCipherSuites(ordered);
            return this;
        }

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
            return delegate.create();
        }
    }
}
