package io.vigil.agent.tls;

import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;

/** The agent's own key pairs (RSA: the agent serves its certificate with RSA suites) and its CSRs. */
public final class KeyMaterial {

    public static final int RSA_BITS = 2048;

    private KeyMaterial() {
    }

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(RSA_BITS);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is always available", e);
        }
    }

    /** A PKCS#10 request, signed with the key pair, with the host name as common name. The CA adds the roles. */
    public static String csrPem(KeyPair keyPair, String hostName) {
        try {
            var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, hostName).build();
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject, keyPair.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(keyPair.getPrivate()));
            return Pem.encode("CERTIFICATE REQUEST", request.getEncoded());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign the CSR", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
