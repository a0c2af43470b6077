package io.vigil.console.keys;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Instant;

/**
 * DOWN until the managed API keys that existed at start are loaded (a console could otherwise be refused with a valid
 * key by a fresh replica); UP where managed keys are off.
 */
@Readiness
@ApplicationScoped
public class ManagedKeysReadiness implements HealthCheck {

    private final ManagedKeysFeed feed;
    private final ManagedKeys keys;

    public ManagedKeysReadiness(ManagedKeysFeed feed, ManagedKeys keys) {
        this.feed = feed;
        this.keys = keys;
    }

    @Override
    public HealthCheckResponse call() {
        if (!feed.enabled()) {
            return HealthCheckResponse.named("managed-api-keys").up().withData("enabled", false).build();
        }
        return HealthCheckResponse.named("managed-api-keys").status(feed.loaded())
                .withData("keys", keys.size()).withData("usable", keys.usable(Instant.now())).build();
    }
}
