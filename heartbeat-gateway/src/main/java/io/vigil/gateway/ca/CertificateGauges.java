package io.vigil.gateway.ca;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vigil.console.internal.CertificateExpiryGauges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.time.Clock;

/**
 * {@code vigil_certificate_expiry_seconds} for the certificates the gateway holds: {@code ca} (the platform CA, which
 * every agent and service trusts) and {@code manager} (the agent port's certificate, issued at start-up).
 */
@ApplicationScoped
public class CertificateGauges {

    void register(@Observes StartupEvent event, PlatformCa ca, MeterRegistry meters) {
        CertificateExpiryGauges.register(meters, "ca", ca.caCertificate(), Clock.systemUTC());
        CertificateExpiryGauges.register(meters, "manager", ca.managerChain().getFirst(), Clock.systemUTC());
    }
}
