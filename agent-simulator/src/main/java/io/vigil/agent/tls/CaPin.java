package io.vigil.agent.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/** The CA pin ({@code managerCaSha256}); the names certificates carry are {@link io.vigil.tls.CertificateNames}. */
public final class CaPin {

    private CaPin() {
    }

    /** SHA-256 (lowercase hex) of a certificate's DER form. */
    public static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A pin as given (any case, optionally colon-separated) in the form {@link #sha256} returns. */
    public static String normalisePin(String pin) {
        String hex = pin == null ? "" : pin.trim().replace(":", "").toLowerCase(Locale.ROOT);
        if (!hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("managerCaSha256 must be 64 hex digits (SHA-256 of the CA's DER form)");
        }
        return hex;
    }
}
