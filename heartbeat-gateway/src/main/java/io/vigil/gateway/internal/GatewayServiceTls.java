package io.vigil.gateway.internal;

import io.vigil.gateway.GatewayConfig;
import io.vigil.gateway.ca.CaDirectory;
import io.vigil.tls.service.ServiceIdentity;
import io.vigil.tls.service.ServiceTls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.nio.file.Path;

/**
 * The gateway's identity for internal calls ({@code urn:vigil:service:heartbeat-gateway}): the gateway holds the
 * platform CA, so it issues itself a fresh certificate at start-up, kept in memory only.
 */
@ApplicationScoped
public class GatewayServiceTls {

    private static final Logger LOG = Logger.getLogger(GatewayServiceTls.class);

    @Produces
    @Singleton
    ServiceTls serviceTls(GatewayConfig config) {
        CaDirectory directory = new CaDirectory(Path.of(config.ca().dir()));
        if (config.ca().createIfMissing()) {
            directory.initialise(); // at most once, whichever bean needs the CA first
        }
        ServiceTls tls = new ServiceCertificates(directory.load()).issue(ServiceIdentity.HEARTBEAT_GATEWAY);
        LOG.infof("internal calls as service %s", tls.service());
        return tls;
    }
}
