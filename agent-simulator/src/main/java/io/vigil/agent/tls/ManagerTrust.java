package io.vigil.agent.tls;

import io.vigil.tls.CertificateNames;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent trusts only manager certificates (docs/agent-protocol.md, "Certificates and roles"): a certificate naming
 * {@code urn:vigil:manager}, chained to the CA whose SHA-256 the agent pinned with its activation token. Used for the
 * gateway's server certificate and for the manager's client certificate on the agent's listening port. Host names play
 * no part: the identity is the certificate's SAN URI. Every certificate that signs another on the path must be a CA
 * (basicConstraints and keyUsage), so an agent's own certificate cannot vouch for a forged manager certificate.
 */
public final class ManagerTrust extends X509ExtendedTrustManager {

    private static final int MAX_DEPTH = 5;

    private final String pin;
    private volatile X509Certificate pinnedCa;
    private volatile String lastRejection;

    public ManagerTrust(String managerCaSha256) {
        this.pin = CaPin.normalisePin(managerCaSha256);
    }

    /** Remembers the pinned CA certificate (from the activation answer), for peers that send only their leaf. */
    public void learnCa(X509Certificate ca) {
        if (!CaPin.sha256(ca).equals(pin)) {
            throw new IllegalArgumentException("the CA certificate does not match the pin " + pin);
        }
        pinnedCa = ca;
    }

    public X509Certificate pinnedCa() {
        return pinnedCa;
    }

    /** Why the last certificate was refused, or null. */
    public String lastRejection() {
        return lastRejection;
    }

    /** Checks a peer chain; throws with the reason when it is not a manager certificate under the pinned CA. */
    public void verify(X509Certificate[] chain) throws CertificateException {
        try {
            check(chain);
        } catch (CertificateException e) {
            lastRejection = e.getMessage();
            throw e;
        }
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no certificate presented");
        }
        X509Certificate leaf = chain[0];
        X509Certificate anchor = anchor(chain);
        List<X509Certificate> path = path(chain, anchor);
        for (X509Certificate certificate : path) {
            certificate.checkValidity();
        }
        for (int i = 1; i < path.size(); i++) {
            checkIssuer(path.get(i), i - 1);
        }
        if (!CertificateNames.isManager(leaf)) {
            throw new CertificateException("the certificate does not name " + CertificateNames.MANAGER + ": "
                    + leaf.getSubjectX500Principal().getName());
        }
    }

    /**
     * A certificate that signed another one on the path must be a CA: basicConstraints {@code cA=true} with a path
     * length that allows the CAs below it, and {@code keyCertSign} when it has a keyUsage. So no end-entity certificate
     * (an agent's is {@code cA=false}) can vouch for a forged "manager" certificate.
     */
    static void checkIssuer(X509Certificate issuer, int casBelow) throws CertificateException {
        int pathLength = issuer.getBasicConstraints();
        if (pathLength < 0) {
            throw new CertificateException("the chain is signed by a certificate that is not a CA (basicConstraints "
                    + "cA=false): " + issuer.getSubjectX500Principal().getName());
        }
        if (pathLength < casBelow) {
            throw new CertificateException("the chain is longer than the path length allowed by "
                    + issuer.getSubjectX500Principal().getName());
        }
        boolean[] keyUsage = issuer.getKeyUsage();
        if (keyUsage != null && (keyUsage.length < 6 || !keyUsage[5])) {
            throw new CertificateException("the chain is signed by a certificate without keyCertSign: "
                    + issuer.getSubjectX500Principal().getName());
        }
    }

    private X509Certificate anchor(X509Certificate[] chain) throws CertificateException {
        for (int i = 1; i < chain.length; i++) {
            if (CaPin.sha256(chain[i]).equals(pin)) {
                if (pinnedCa == null) {
                    pinnedCa = chain[i];
                }
                return chain[i];
            }
        }
        X509Certificate known = pinnedCa;
        if (known != null) {
            return known;
        }
        throw new CertificateException("no certificate of the chain matches the pinned CA " + pin);
    }

    /** The certificates from the leaf up to the anchor, each signed by the next. */
    private static List<X509Certificate> path(X509Certificate[] chain, X509Certificate anchor)
            throws CertificateException {
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = chain[0];
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            path.add(current);
            if (signedBy(current, anchor)) {
                path.add(anchor);
                return path;
            }
            X509Certificate issuer = issuerIn(chain, current);
            if (issuer == null || issuer.equals(current)) {
                break;
            }
            current = issuer;
        }
        throw new CertificateException("the certificate is not issued by the pinned CA");
    }

    private static X509Certificate issuerIn(X509Certificate[] chain, X509Certificate certificate) {
        for (X509Certificate candidate : chain) {
            if (candidate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())
                    && signedBy(certificate, candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static boolean signedBy(X509Certificate certificate, X509Certificate issuer) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        verify(chain);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        X509Certificate known = pinnedCa;
        return known == null ? new X509Certificate[0] : new X509Certificate[]{known};
    }
}
