package io.vigil.console.internal;

import io.quarkus.arc.DefaultBean;
import io.vigil.tls.service.ServiceTls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/**
 * This service's identity for internal calls, from PEM files issued by the platform CA:
 * {@code vigil.service-tls.certificate}, {@code .key} (PKCS#8) and {@code .ca} (environment
 * {@code VIGIL_SERVICE_TLS_CERTIFICATE}, ...). The same files serve the internal port (TLS configuration
 * {@code internal}). A service that holds the CA itself may produce its own {@link ServiceTls} instead.
 */
@ApplicationScoped
public class ServiceTlsProducer {

    private static final Logger LOG = Logger.getLogger(ServiceTlsProducer.class);

    @Produces
    @Singleton
    @DefaultBean
    ServiceTls serviceTls(@ConfigProperty(name = "vigil.service-tls.certificate") String certificate,
                          @ConfigProperty(name = "vigil.service-tls.key") String key,
                          @ConfigProperty(name = "vigil.service-tls.ca") String ca) {
        ServiceTls tls = ServiceTls.load(Path.of(certificate), Path.of(key), Path.of(ca));
        LOG.infof("internal calls as service %s (certificate %s)", tls.service(), certificate);
        return tls;
    }
}
