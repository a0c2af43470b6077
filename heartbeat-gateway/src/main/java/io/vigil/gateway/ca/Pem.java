package io.vigil.gateway.ca;

import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.List;

/** PEM reading and writing of keys, certificates and CSRs. */
public final class Pem {

    private Pem() {
    }

    public static String encode(Object... objects) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String chain(List<X509Certificate> certificates) {
        return encode(certificates.toArray());
    }

    public static X509Certificate certificate(String pem) {
        Object object = read(pem);
        if (object instanceof X509CertificateHolder holder) {
            try {
                return new JcaX509CertificateConverter().getCertificate(holder);
            } catch (CertificateException e) {
                throw new IllegalArgumentException("unreadable certificate", e);
            }
        }
        throw new IllegalArgumentException("not a PEM certificate");
    }

    public static PrivateKey privateKey(String pem) {
        Object object = read(pem);
        try {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            return switch (object) {
                case PrivateKeyInfo info -> converter.getPrivateKey(info);
                case PEMKeyPair pair -> converter.getKeyPair(pair).getPrivate();
                case null, default -> throw new IllegalArgumentException("not a PEM private key");
            };
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable private key", e);
        }
    }

    /** Parses a PEM certificate request; throws {@link IllegalArgumentException} for anything else. */
    public static PKCS10CertificationRequest csr(String pem) {
        if (read(pem) instanceof PKCS10CertificationRequest csr) {
            return csr;
        }
        throw new IllegalArgumentException("not a PEM certificate request");
    }

    private static Object read(String pem) {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            return parser.readObject();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("unreadable PEM", e);
        }
    }
}
