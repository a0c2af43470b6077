package io.vigil.gateway.state;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready once the compacted topics have been read (revocation and configuration answers are current). */
@Readiness
@ApplicationScoped
public class StateReadiness implements HealthCheck {

    private final StateConsumer consumer;

    public StateReadiness(StateConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("computer-state").status(consumer.caughtUp()).build();
    }
}
