package io.vigil.registry.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** agent-registry settings ({@code vigil.registry.*}, environment {@code VIGIL_REGISTRY_*}). */
@ConfigMapping(prefix = "vigil.registry")
public interface RegistryConfig {

    /**
     * Base URL of policy-service's internal port, whose {@code GET /internal/policies/{id}} checks policy IDs (HTTPS:
     * this service's certificate is presented, and the server must prove {@code urn:vigil:service:policy-service}).
     */
    @WithDefault("https://127.0.0.1:9081")
    String policyServiceUrl();

    /** How long a policy-service check may take before the request is answered 503. */
    @WithDefault("5s")
    Duration policyServiceTimeout();

    /** PEM file of the platform CA certificate (written by the gateway's CA init); its SHA-256 pins activations. */
    @WithDefault(".vigil/ca/ca.crt")
    String caCertificate();

    /** Activation token defaults and limits. */
    Tokens tokens();

    /** The status engine (heartbeats, liveness, contact failures, configuration, registrations). */
    Status status();

    /** The transactional outbox relay. */
    Outbox outbox();

    /** The keeper of the configuration documents the platform published (why a configuration differs). */
    Configurations configurations();

    interface Configurations {
        /** Kafka consumer group that reads {@code vigil.internal.computer-config} into the registry's tables. */
        @WithDefault("vigil-agent-registry-configurations")
        String groupId();

        /** Whether this process keeps them (off for REST-only replicas, like the status engine). */
        @WithDefault("true")
        boolean enabled();
    }

    interface Tokens {
        /** Lifetime of a token when the request gives no {@code expiresInSeconds}. */
        @WithDefault("86400")
        long defaultExpiresInSeconds();

        /** The longest lifetime a token may be given. */
        @WithDefault("31536000")
        long maxExpiresInSeconds();
    }

    interface Status {
        /** Kafka consumer group of the status engine; instances of the registry share it and split partitions. */
        @WithDefault("vigil-agent-registry-status")
        String groupId();

        /** How often changed computers are written (one batch) and input offsets committed. */
        @WithDefault("500ms")
        Duration flushInterval();

        /** Records fetched per poll. */
        @WithDefault("5000")
        int maxPollRecords();

        /** Whether the engine runs in this process (off for REST-only replicas). */
        @WithDefault("true")
        boolean enabled();
    }

    interface Outbox {
        /** How often the relay looks for events when it was not woken by a commit (covers crashes). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Events relayed per round trip. */
        @WithDefault("500")
        int batchSize();
    }
}
