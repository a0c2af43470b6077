package io.vigil.console.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.vigil.tls.service.ServiceTls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code vigil_certificate_expiry_seconds{certificate}}: seconds until this service's certificates expire (negative
 * once expired), so that an alert rule warns before internal calls start failing: {@code service} (its identity for
 * internal calls) and {@code ca} (the platform CA it trusts). Registered at start-up by the services that have a
 * service identity from files ({@code vigil.service-tls.certificate}, {@code .key}, {@code .ca}); a service that issues
 * its own (the gateway) registers its certificates with {@link #register(MeterRegistry, String, X509Certificate, Clock)}.
 */
@ApplicationScoped
public class CertificateExpiryGauges {

    private static final Logger LOG = Logger.getLogger(CertificateExpiryGauges.class);

    void register(@Observes StartupEvent event, Instance<MeterRegistry> meters, Config config) {
        Optional<String> certificate = config.getOptionalValue("vigil.service-tls.certificate", String.class);
        if (certificate.isEmpty() || !meters.isResolvable()) {
            return;
        }
        try {
            ServiceTls identity = ServiceTls.load(Path.of(certificate.get()),
                    Path.of(config.getValue("vigil.service-tls.key", String.class)),
                    Path.of(config.getValue("vigil.service-tls.ca", String.class)));
            register(meters.get(), "service", identity.chain().getFirst(), Clock.systemUTC());
            register(meters.get(), "ca", identity.ca(), Clock.systemUTC());
        } catch (RuntimeException e) { // the internal port and calls report the same problem where they need it
            LOG.warnf("certificate expiry not exported: %s", e.getMessage());
        }
    }

    /** The gauge of one certificate (also used by services that hold other certificates, e.g. the gateway's CA). */
    public static void register(MeterRegistry meters, String certificate, X509Certificate x509, Clock clock) {
        long notAfter = x509.getNotAfter().getTime();
        Gauge.builder("vigil.certificate.expiry", () -> (notAfter - clock.millis()) / 1000.0)
                .tag("certificate", certificate).baseUnit("seconds")
                .description("seconds until the certificate expires (negative once expired)").register(meters);
    }
}
