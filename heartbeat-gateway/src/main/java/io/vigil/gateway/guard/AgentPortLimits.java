package io.vigil.gateway.guard;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * Connection-level limits of the agent port that Quarkus has no property for: the TLS handshake must finish within
 * {@code vigil.gateway.guard.handshake-timeout} (a client that connects and never handshakes, or handshakes byte by
 * byte, is closed then). The others are Quarkus properties (application.properties, "Hostile clients").
 */
@ApplicationScoped
public class AgentPortLimits implements HttpServerOptionsCustomizer {

    private final GuardConfig config;

    public AgentPortLimits(GuardConfig config) {
        this.config = config;
    }

    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setSslHandshakeTimeout(config.handshakeTimeout().toMillis());
        options.setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
    }
}
