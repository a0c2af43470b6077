package io.vigil.policy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** policy-service settings ({@code vigil.policy.*}). */
@ConfigMapping(prefix = "vigil.policy")
public interface PolicyServiceConfig {

    /** The relay that publishes configurations and outbox records. */
    Relay relay();

    interface Relay {
        /** Computers re-derived and published per page of a fan-out (bounds memory). */
        @WithDefault("5000")
        int pageSize();

        /** How often the relay looks for work that was not signalled in this process (other replicas, restarts). */
        @WithDefault("1s")
        Duration pollInterval();

        /** How long one replica's claim to be the only relay lasts without renewal. */
        @WithDefault("30s")
        Duration lease();

        /** Outbox records sent per round trip. */
        @WithDefault("500")
        int outboxBatchSize();
    }
}
