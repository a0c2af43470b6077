package io.vigil.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;
import java.util.List;

/** Typed configuration of the heartbeat gateway ({@code vigil.gateway.*}). */
@ConfigMapping(prefix = "vigil.gateway")
public interface GatewayConfig {

    /** The platform CA. */
    Ca ca();

    /** TLS on the agent port. */
    Tls tls();

    /** How long an agent certificate is valid. */
    @WithName("certificate-validity")
    @WithDefault("365d")
    Duration certificateValidity();

    /** From how long before expiry a {@code RenewCertificate} operation is handed to the agent. */
    @WithName("certificate-renew-before")
    @WithDefault("30d")
    Duration certificateRenewBefore();

    /**
     * Base URL of agent-registry's internal port (HTTPS: the gateway presents {@code urn:vigil:service:heartbeat-gateway}
     * and the server must prove {@code urn:vigil:service:agent-registry}).
     */
    @WithName("registry-url")
    @WithDefault("https://127.0.0.1:9082")
    String registryUrl();

    /** Host names and IP addresses put into the manager certificate besides {@code urn:vigil:manager}. */
    @WithName("manager-host-names")
    @WithDefault("localhost,127.0.0.1")
    List<String> managerHostNames();

    /** Rate limit of failed activations per source address. */
    Activation activation();

    /** Publishing heartbeats to Kafka. */
    Publish publish();

    /** Calls to agents (push and poll). */
    Agents agents();

    interface Ca {
        /** Directory holding {@code ca.crt} and {@code ca.key} (a mounted Secret in Kubernetes). */
        @WithDefault(".vigil/ca")
        String dir();

        /** Create the CA at start-up when the directory holds none (local runs); false in Kubernetes. */
        @WithName("create-if-missing")
        @WithDefault("true")
        boolean createIfMissing();
    }

    interface Tls {
        /** {@code legacy}, {@code default}, {@code strong} or {@code fips} (docs/tls.md). */
        @WithDefault("default")
        String mode();

        /**
         * {@code native} (AWS-LC's primitives first) or {@code jdk}; applied before Quarkus starts
         * ({@link io.vigil.gateway.tls.NativeCrypto}), declared here so that Quarkus knows the key.
         */
        @WithDefault("native")
        String crypto();
    }

    interface Activation {
        /** Failed activations allowed per source address within {@link #failureWindow()} before 429. */
        @WithName("max-failures")
        @WithDefault("10")
        int maxFailures();

        /** The window over which failed activations are counted. */
        @WithName("failure-window")
        @WithDefault("1m")
        Duration failureWindow();

        /** Activations worked on at once; the others wait in arrival order (see {@link #queueWait()}). */
        @WithName("max-concurrent")
        @WithDefault("8")
        int maxConcurrent();

        /** How long an activation waits for its turn before it gets 503 + Retry-After (come back later). */
        @WithName("queue-wait")
        @WithDefault("5s")
        Duration queueWait();

        /** The largest Retry-After of a 503 for a full queue, in seconds. */
        @WithName("max-retry-after-seconds")
        @WithDefault("30")
        int maxRetryAfterSeconds();

        /** How long the answer to an activation is given again to the same request (a retry after a lost answer). */
        @WithDefault("10m")
        Duration remember();
    }

    interface Publish {
        /** Upper bound for Kafka to acknowledge a heartbeat before the agent gets 503 (must stay under 10 s). */
        @WithDefault("8s")
        Duration timeout();

        /** The {@code Retry-After} seconds of a 503. */
        @WithName("retry-after-seconds")
        @WithDefault("5")
        int retryAfterSeconds();

        /**
         * How long the producer holds a heartbeat's records to share a produce request with others (its
         * {@code linger.ms}): fewer, larger requests cost the producer and the broker less per heartbeat, and the
         * agent's answer comes this much later. 25 ms cost the platform a quarter less CPU per heartbeat than 5 ms in
         * the capacity benchmark (docs/capacity.md, "Batching the heartbeats' produce requests"). At most 1 s.
         */
        @WithDefault("25ms")
        Duration linger();
    }

    interface Agents {
        /** Deadline of a whole call to an agent (connect, handshake, answer); a poll uses at most half its interval. */
        @WithDefault("5s")
        Duration timeout();

        /** Configuration pushes per second (all computers together) so a fleet-wide change never floods. */
        @WithName("push-rate-per-second")
        @WithDefault("50")
        int pushRatePerSecond();

        /** Consumer group whose partition assignment decides which replica polls and pushes to which computer. */
        @WithName("contact-group")
        @WithDefault("vigil-gateway-agent-contact")
        String contactGroup();

        /**
         * How long a replica that stopped heartbeating to the contact group keeps its computers; the survivors poll a
         * dead replica's computers at once after about this plus a third of it (the group heartbeat interval) plus
         * the rebalance. 6 s is the shortest a broker accepts by default ({@code group.min.session.timeout.ms}).
         */
        @WithName("session-timeout")
        @WithDefault("6s")
        Duration sessionTimeout();

        /**
         * A computer a replica comes to own is polled at once; the poll after that comes earlier than one interval by
         * a per-computer offset below this (and below half the interval), so computers taken over together spread out.
         */
        @WithName("first-poll-spread")
        @WithDefault("5s")
        Duration firstPollSpread();

        /** Calls in flight at once, for polls and for pushes each. */
        @WithName("max-concurrent-calls")
        @WithDefault("64")
        int maxConcurrentCalls();

        /** Computers whose push may wait for the rate limiter; beyond it a change waits for the fallback. */
        @WithName("push-queue-capacity")
        @WithDefault("100000")
        int pushQueueCapacity();

        /**
         * The networks (CIDR, IPv4 and IPv6) where agents are: the gateway calls an agent's address only inside one of
         * them. Loopback, link-local, multicast and cloud metadata addresses are called only when a listed network
         * lies wholly inside such a range (e.g. {@code 127.0.0.0/8} for agents on this host), never through
         * {@code 0.0.0.0/0}. See {@code contact.networks.AgentNetworks}.
         */
        @WithDefault("0.0.0.0/0,::/0")
        List<String> networks();
    }
}
