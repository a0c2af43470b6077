package io.vigil.gateway.guard;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/**
 * What the agent port allows a client before it is refused ({@code vigil.gateway.guard.*}); see the README's
 * "Hostile clients" section. The HTTP-level timeouts and caps are Quarkus settings ({@code quarkus.http.*}).
 */
@ConfigMapping(prefix = "vigil.gateway.guard")
public interface GuardConfig {

    /** Heartbeats one computer may send per heartbeat interval before it gets 429 with Retry-After. */
    @WithName("heartbeats-per-interval")
    @WithDefault("5")
    int heartbeatsPerInterval();

    /** The shortest window the heartbeat budget is counted over (a shorter interval counts as this). */
    @WithName("heartbeat-window-minimum")
    @WithDefault("10s")
    Duration heartbeatWindowMinimum();

    /** Log entries one heartbeat may carry (an agent sends older ones later and counts what it drops). */
    @WithName("max-events")
    @WithDefault("1000")
    int maxEvents();

    /**
     * Largest body of a request without a client certificate (activation: the token and a CSR), in bytes. The default
     * holds the largest activation the validation accepts: a CSR of 16,384 characters and every other member at its
     * longest, the free-text ones as JSON escapes (about 19 KiB), with room for formatting.
     */
    @WithName("unauthenticated-body-bytes")
    @WithDefault("32768")
    int unauthenticatedBodyBytes();

    /**
     * TLS connections without a client certificate (handshaking ones included) per source address. Sized for a site
     * behind one NAT address activating at once: at 200 activations/s, each holding its connection for up to a
     * second while the gateway is busy, 32 refused most of them (the agents then backed off for up to a minute and
     * 1,000 activations took 139 s); each such connection is bounded by the handshake, head and body deadlines and
     * the unauthenticated body cap.
     */
    @WithName("unauthenticated-connections-per-address")
    @WithDefault("256")
    int unauthenticatedConnectionsPerAddress();

    /**
     * Connections of an address beyond {@code unauthenticated-connections-per-address} that wait for one of its
     * places instead of being closed at accept: they are not read (their ClientHello stays in the socket) until a place
     * frees, first come first served, so a burst from one NAT address is queued rather than refused and retried: with
     * the default 2,048, 2,000 agents asking at 200/s from one address all activated in 34-40 s with none refused. 0
     * closes every connection beyond the places at accept (docs/capacity.md, "Waiting instead of refusing at the
     * cap").
     */
    @WithName("waiting-connections-per-address")
    @WithDefault("2048")
    int waitingConnectionsPerAddress();

    /**
     * How long such a connection waits for a place; then it is closed (the agent retries after its back-off). Its
     * handshake must finish within {@code handshake-timeout} of the moment it got its place. Agents allow a handshake
     * this plus 15 s (docs/agent-protocol.md).
     */
    @WithName("connection-wait")
    @WithDefault("30s")
    Duration connectionWait();

    /** A TCP connection must finish its TLS handshake within this. */
    @WithName("handshake-timeout")
    @WithDefault("10s")
    Duration handshakeTimeout();

    /**
     * A request head (request line and headers) must have arrived in full within this of its first byte, however
     * steadily its bytes trickle in (slowloris; the idle timeout alone never fires then).
     */
    @WithName("request-head-timeout")
    @WithDefault("10s")
    Duration requestHeadTimeout();

    /**
     * A request body must have arrived in full within this of the end of its head, on every path (slow-sender
     * timeout).
     */
    @WithName("request-timeout")
    @WithDefault("20s")
    Duration requestTimeout();

    /** {@code Retry-After} of the 503 answered while the gateway has not read the computers' state yet. */
    @WithName("starting-retry-after-seconds")
    @WithDefault("5")
    int startingRetryAfterSeconds();

    /** Certificate renewals. */
    Renewals renewals();

    interface Renewals {
        /** Renewal requests one computer may make per {@link #window()} (inside the renewal window). */
        @WithDefault("3")
        int max();

        /** The window over which renewal requests are counted. */
        @WithDefault("1h")
        Duration window();
    }
}
