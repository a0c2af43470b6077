package io.vigil.alerts.engine;

import io.vigil.alerts.AlertsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the deadline engine judges deadlines (or is disabled on purpose): DOWN while it is stopped, after a
 * failure until it has caught up again, and while it has been rebuilding or lagging longer than
 * {@code vigil.alerts.engine.max-hold-back}. Reports the hold-back and how long it has not been judging.
 */
@Readiness
@ApplicationScoped
public class EngineReadiness implements HealthCheck {

    private final EngineRunner runner;
    private final AlertsConfig config;

    public EngineReadiness(EngineRunner runner, AlertsConfig config) {
        this.runner = runner;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        DeadlineEngine engine = runner.engine();
        boolean up = runner.judging();
        return HealthCheckResponse.named("deadline-engine").status(up)
                .withData("notJudgingMillis", engine == null ? -1 : engine.notJudgingMillis())
                .withData("holdBackMillis", engine == null ? -1 : engine.gauges().holdBackMillis())
                .withData("trackedComputers", engine == null ? 0 : engine.gauges().tracked()).build();
    }
}
