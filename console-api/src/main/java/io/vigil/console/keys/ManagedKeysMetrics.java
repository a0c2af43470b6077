package io.vigil.console.keys;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import java.time.Instant;

/**
 * {@code vigil_api_keys_managed{state="known"|"usable"}}: the managed keys this service has read, and those of them
 * that work now (neither revoked nor expired). A known count that stays below the owner's list means this service
 * does not follow {@code vigil.internal.api-keys}.
 */
@ApplicationScoped
public class ManagedKeysMetrics {

    void register(@Observes StartupEvent event, ManagedKeysFeed feed, ManagedKeys keys, Instance<MeterRegistry> meters) {
        if (!feed.enabled() || !meters.isResolvable()) {
            return;
        }
        MeterRegistry registry = meters.get();
        Gauge.builder("vigil.api.keys.managed", keys, ManagedKeys::size).tag("state", "known")
                .description("Managed API keys read from vigil.internal.api-keys").register(registry);
        Gauge.builder("vigil.api.keys.managed", keys, k -> k.usable(Instant.now())).tag("state", "usable")
                .description("Managed API keys that work now (neither revoked nor expired)").register(registry);
    }
}
