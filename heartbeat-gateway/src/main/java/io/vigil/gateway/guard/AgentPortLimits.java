package io.vigil.gateway.guard;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.SSLEngineOptions;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.TimeUnit;

/**
 * Connection-level limits of the agent port that Quarkus has no property for: the TLS handshake must finish within
 * {@code vigil.gateway.guard.handshake-timeout} (a client that connects and never handshakes, or handshakes byte by
 * byte, is closed then), and at most {@code unauthenticated-connections-per-address} connections per source address
 * may be without a client certificate at once (handshaking ones included), with up to
 * {@code waiting-connections-per-address} more waiting unread for a place for up to {@code connection-wait}
 * ({@link GuardedSslHandler}), and every
 * request head and body must arrive within {@code request-head-timeout} and {@code request-timeout} however steadily
 * it trickles ({@link RequestDeadlines}). The others are Quarkus properties (application.properties, "Hostile
 * clients").
 */
@ApplicationScoped
@Priority(-100)
public class AgentPortLimits implements HttpServerOptionsCustomizer {

    private final GuardConfig config;
    private final ConnectionGuards guards;

    public AgentPortLimits(GuardConfig config, MeterRegistry metrics) {
        this.config = config;
        UnauthenticatedConnections unauthenticated = new UnauthenticatedConnections(
                config.unauthenticatedConnectionsPerAddress(), config.waitingConnectionsPerAddress());
        this.guards = new ConnectionGuards(unauthenticated, config.connectionWait(),
                metrics.counter("vigil.gateway.guard.waited"), refused(metrics, "unauthenticated-connections"),
                new RequestDeadlines.Settings(config.requestHeadTimeout(), config.requestTimeout(),
                        refused(metrics, "request-head-timeout"), refused(metrics, "request-timeout")));
        metrics.gauge("vigil.gateway.guard.unauthenticated.addresses", unauthenticated,
                UnauthenticatedConnections::addresses);
        metrics.gauge("vigil.gateway.guard.waiting.connections", unauthenticated, UnauthenticatedConnections::waiting);
    }

    /** The per-address places (tests). */
    UnauthenticatedConnections unauthenticated() {
        return guards.unauthenticated();
    }

    private static Counter refused(MeterRegistry metrics, String reason) {
        return metrics.counter("vigil.gateway.guard.refused", "reason", reason);
    }

    /** Runs after the TLS mode's customizer (lower priority), so that it wraps the engine options that one set. */
    @Override
    public void customizeHttpsServer(HttpServerOptions options) {
        options.setSslHandshakeTimeout(config.handshakeTimeout().toMillis());
        options.setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS);
        SSLEngineOptions engine = options.getSslEngineOptions() != null ? options.getSslEngineOptions()
                : new JdkSSLEngineOptions();
        options.setSslEngineOptions(new GuardedEngineOptions(engine, guards));
    }
}
