package io.vigil.gateway.tls;

import io.quarkus.tls.runtime.KeyStoreAndKeyCertOptions;
import io.quarkus.tls.runtime.KeyStoreProvider;
import io.quarkus.tls.runtime.TrustStoreAndTrustOptions;
import io.quarkus.tls.runtime.TrustStoreProvider;
import io.smallrye.common.annotation.Identifier;
import io.vertx.core.Vertx;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vigil.gateway.ca.PlatformCa;
import io.vigil.gateway.ca.TlsMaterial;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.KeyStore;

/**
 * Hands the manager certificate (key store) and the platform CA (trust store) to the TLS configuration named
 * {@value #NAME} of Quarkus's TLS registry, which the agent port uses.
 */
public final class AgentPortKeyStores {

    public static final String NAME = "agent";

    private AgentPortKeyStores() {
    }

    @ApplicationScoped
    @Identifier(NAME)
    public static class Keys implements KeyStoreProvider {
        private final PlatformCa ca;

        public Keys(PlatformCa ca) {
            this.ca = ca;
        }

        @Override
        public KeyStoreAndKeyCertOptions getKeyStore(Vertx vertx) {
            KeyStore store = TlsMaterial.keyStore(ca);
            return new KeyStoreAndKeyCertOptions(store, KeyCertOptions.wrap(TlsMaterial.keyManager(store)));
        }
    }

    @ApplicationScoped
    @Identifier(NAME)
    public static class Trust implements TrustStoreProvider {
        private final PlatformCa ca;

        public Trust(PlatformCa ca) {
            this.ca = ca;
        }

        @Override
        public TrustStoreAndTrustOptions getTrustStore(Vertx vertx) {
            KeyStore store = TlsMaterial.trustStore(ca.caCertificate());
            return new TrustStoreAndTrustOptions(store, TrustOptions.wrap(TlsMaterial.trustManager(store)));
        }
    }
}
