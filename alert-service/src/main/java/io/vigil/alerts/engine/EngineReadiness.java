package io.vigil.alerts.engine;

import io.vigil.alerts.AlertsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the deadline engine runs (or is disabled on purpose); reports the judgement hold-back. */
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
        boolean up = !config.engine().enabled() || engine != null && engine.running();
        return HealthCheckResponse.named("deadline-engine").status(up)
                .withData("holdBackMillis", engine == null ? -1 : engine.gauges().holdBackMillis())
                .withData("trackedComputers", engine == null ? 0 : engine.gauges().tracked()).build();
    }
}
