package io.vigil.gateway.tls;

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

    public AgentPortTls(GatewayConfig config) {
        this.mode = TlsMode.fromConfig(config.tls().mode());
    }

    public TlsMode mode() {
        return mode;
    }

    /** Fails start-up with a clear message when the JVM cannot serve the mode exactly. */
    void verify(@Observes StartupEvent event) {
        check();
        LOG.infof("agent port TLS mode %s: %s", mode.configName(), mode.protocols());
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
