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

    /** Base URL of agent-registry's internal API. */
    @WithName("registry-url")
    @WithDefault("http://127.0.0.1:8082")
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
        /** {@code legacy}, {@code default}, {@code strong} or {@code fips} (contract section 2). */
        @WithDefault("default")
        String mode();
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
    }

    interface Publish {
        /** Upper bound for Kafka to acknowledge a heartbeat before the agent gets 503 (must stay under 10 s). */
        @WithDefault("8s")
        Duration timeout();

        /** The {@code Retry-After} seconds of a 503. */
        @WithName("retry-after-seconds")
        @WithDefault("5")
        int retryAfterSeconds();
    }

    interface Agents {
        /** Connect and read timeout of a call to an agent's port. */
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
    }
}
