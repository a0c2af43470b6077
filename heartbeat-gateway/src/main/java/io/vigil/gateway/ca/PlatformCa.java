package io.vigil.gateway.ca;

import io.vigil.tls.CertificateNames;
import io.vigil.gateway.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The platform CA as this gateway uses it, and the manager identity it issued itself at start-up: the server
 * certificate on port 4120 and the client certificate for calls to agents ({@code urn:vigil:manager}, RSA).
 */
@ApplicationScoped
public class PlatformCa {

    private static final Logger LOG = Logger.getLogger(PlatformCa.class);

    private final CertificateAuthority ca;
    private final PrivateKey managerKey;
    private final X509Certificate managerCertificate;

    public PlatformCa(GatewayConfig config) {
        CaDirectory directory = new CaDirectory(Path.of(config.ca().dir()));
        if (config.ca().createIfMissing() && directory.initialise()) {
            LOG.infof("created the platform CA in %s", directory.dir().toAbsolutePath());
        }
        this.ca = directory.load();
        KeyPair pair = CertificateAuthority.rsaKeyPair(2048);
        this.managerKey = pair.getPrivate();
        this.managerCertificate = ca.issue(pair.getPublic(), "vigil-manager", CertificateNames.MANAGER,
                config.managerHostNames(), CertificateAuthority.newSerial(),
                Instant.now().plus(365, ChronoUnit.DAYS));
        LOG.infof("manager certificate issued by %s (serial %s)",
                ca.certificate().getSubjectX500Principal().getName(),
                CertificateAuthority.serialHex(managerCertificate.getSerialNumber()));
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    public PrivateKey managerKey() {
        return managerKey;
    }

    /** The manager's chain: its certificate, then the CA. */
    public List<X509Certificate> managerChain() {
        return List.of(managerCertificate, ca.certificate());
    }

    /** Issues an agent certificate naming the computer (client and server use). */
    public X509Certificate issueAgentCertificate(PublicKey key, long computerID, BigInteger serial, Instant notAfter) {
        return ca.issue(key, "computer-" + computerID, CertificateNames.computer(computerID), List.of(), serial, notAfter);
    }

    public String chainPem(X509Certificate leaf) {
        return ca.chainPem(leaf);
    }
}
