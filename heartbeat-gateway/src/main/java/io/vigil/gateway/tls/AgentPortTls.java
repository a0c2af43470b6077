package io.vigil.gateway.tls;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.ClientAuth;
import io.vertx.core.http.HttpServerOptions;
import io.vigil.gateway.GatewayConfig;
import io.vigil.tls.Suites;
import io.vigil.tls.TlsMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.security.GeneralSecurityException;
import java.security.Security;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * Port 4120: exactly the protocols and suites of the configured mode, in the contract's preference order, HTTP/1.1
 * only (no ALPN: HTTP/2 forbids several suites the table requires), client certificate requested (not required).
 */
@ApplicationScoped
public class AgentPortTls implements HttpServerOptionsCustomizer {

    private static final Logger LOG = Logger.getLogger(AgentPortTls.class);

    private final TlsMode mode;
    private final MeterRegistry metrics;

    public AgentPortTls(GatewayConfig config, MeterRegistry metrics) {
        this.mode = TlsMode.fromConfig(config.tls().mode());
        this.metrics = metrics;
    }

    public TlsMode mode() {
        return mode;
    }

    /**
     * Fails start-up with a clear message when the JVM cannot serve the mode exactly; says (log, gauge
     * {@code vigil.gateway.tls.native.crypto}: 1 or 0) whether native cryptography serves the handshakes.
     */
    void verify(@Observes StartupEvent event) {
        check();
        metrics.gauge("vigil.gateway.tls.native.crypto", this, ignored -> NativeCrypto.active() ? 1 : 0);
        LOG.infof("agent port TLS mode %s: %s; %s", mode.configName(), mode.protocols(),
                NativeCrypto.outcome().description());
    }

    void check() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, null, null);
            SSLParameters supported = context.getSupportedSSLParameters();
            List<String> problems = TlsModeCheck.problems(mode, mode.protocols(), mode.cipherSuites(),
                    Set.of(supported.getProtocols()), Set.of(supported.getCipherSuites()),
                    Security.getProperty(JvmTlsSettings.PROPERTY));
            if (!problems.isEmpty()) {
                throw new IllegalStateException("cannot serve TLS mode '" + mode.configName() + "': "
                        + String.join("; ", problems));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS provider", e);
        }
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        check();
        List<String> suites = mode.cipherSuites().stream().map(Suites::jsseName).toList();
        options.getEnabledCipherSuites().clear();
        suites.forEach(options::addEnabledCipherSuite);
        options.setEnabledSecureTransportProtocols(new LinkedHashSet<>(mode.protocols()));
        options.setUseAlpn(false);
        options.setClientAuth(ClientAuth.REQUEST);
        options.setSslEngineOptions(new OrderedSslEngineOptions(suites));
    }
}
