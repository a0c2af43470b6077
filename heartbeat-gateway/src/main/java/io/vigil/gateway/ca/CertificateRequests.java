package io.vigil.gateway.ca;

import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;

/** Checks an agent's CSR: PEM, self-signed with the key it carries, RSA of 2048 bits or more, or EC P-256/P-384. */
public final class CertificateRequests {

    private CertificateRequests() {
    }

    /** The public key to certify; {@link IllegalArgumentException} with a reason an agent can act on otherwise. */
    public static PublicKey publicKey(String pem) {
        if (pem == null || !pem.contains("-----BEGIN CERTIFICATE REQUEST-----")) {
            throw new IllegalArgumentException("must be a PEM certificate request (BEGIN CERTIFICATE REQUEST)");
        }
        PKCS10CertificationRequest csr = Pem.csr(pem);
        try {
            JcaPKCS10CertificationRequest jca = new JcaPKCS10CertificationRequest(csr);
            PublicKey key = jca.getPublicKey();
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(key))) {
                throw new IllegalArgumentException("signature does not match the request's key");
            }
            return acceptable(key);
        } catch (GeneralSecurityException | OperatorCreationException | PKCSException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("unreadable certificate request", e);
        }
    }

    private static PublicKey acceptable(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < 2048) {
                throw new IllegalArgumentException("RSA keys need at least 2048 bits");
            }
            return key;
        }
        if (key instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits != 256 && bits != 384) {
                throw new IllegalArgumentException("EC keys must be P-256 or P-384");
            }
            return key;
        }
        throw new IllegalArgumentException("key algorithm " + key.getAlgorithm() + " is not accepted (RSA or EC)");
    }
}
