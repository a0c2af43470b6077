package io.vigil.agent;

import io.vigil.tls.CertificateNames;
import io.vigil.agent.tls.CaPin;
import io.vigil.agent.tls.ManagerTrust;
import io.vigil.agent.tls.Pem;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.List;

/** Checks a certificate the manager issued to the agent before the agent uses it. */
final class IssuedCertificates {

    private IssuedCertificates() {
    }

    /**
     * The chain, if its leaf is for the agent's key, names the computer and is signed by the pinned CA; throws
     * {@link IllegalArgumentException} saying what is wrong otherwise. Learns the CA certificate from the chain.
     */
    static List<X509Certificate> check(String pem, KeyPair keyPair, long computerID, ManagerTrust trust) {
        List<X509Certificate> chain = Pem.certificates(pem);
        X509Certificate leaf = chain.getFirst();
        if (!leaf.getPublicKey().equals(keyPair.getPublic())) {
            throw new IllegalArgumentException("the certificate is not for the agent's key");
        }
        if (!CertificateNames.namesComputer(leaf, computerID)) {
            throw new IllegalArgumentException("the certificate does not name " + CertificateNames.COMPUTER_PREFIX
                    + computerID);
        }
        for (X509Certificate certificate : chain.subList(1, chain.size())) {
            try {
                trust.learnCa(certificate);
            } catch (IllegalArgumentException notTheCa) {
                // an intermediate or a foreign certificate: only the pinned CA is learnt
            }
        }
        X509Certificate ca = trust.pinnedCa();
        if (ca == null) {
            throw new IllegalArgumentException("the pinned CA certificate is unknown");
        }
        try {
            leaf.verify(ca.getPublicKey());
            leaf.checkValidity();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the certificate is not valid under the pinned CA: " + e.getMessage());
        }
        return chain;
    }
}
