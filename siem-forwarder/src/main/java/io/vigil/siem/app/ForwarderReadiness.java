package io.vigil.siem.app;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Ready while the delivery loop runs. A receiver that is down does not make the service unready (restarting it would
 * not help): it shows in the check's data and in {@code vigil_siem_receiver_up}.
 */
@Readiness
@ApplicationScoped
public class ForwarderReadiness implements HealthCheck {

    private final ForwarderService service;

    public ForwarderReadiness(ForwarderService service) {
        this.service = service;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("siem-forwarder").status(service.ready());
        service.receivers().forEach(r -> response.withData(r.spec().name(), r.up() ? "up" : "down"));
        return response.build();
    }
}
