package io.vigil.agent.tls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/** The names certificates carry (contract section 2) and the CA pin ({@code managerCaSha256}). */
public final class Identities {

    public static final String MANAGER = "urn:vigil:manager";
    public static final String COMPUTER_PREFIX = "urn:vigil:computer:";
    private static final int SAN_URI = 6;

    private Identities() {
    }

    public static List<String> uris(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            if (names == null) {
                return List.of();
            }
            return names.stream().filter(n -> n.size() == 2 && Integer.valueOf(SAN_URI).equals(n.get(0)))
                    .map(n -> String.valueOf(n.get(1))).toList();
        } catch (CertificateParsingException e) {
            return List.of();
        }
    }

    public static boolean namesManager(X509Certificate certificate) {
        return uris(certificate).contains(MANAGER);
    }

    public static boolean namesComputer(X509Certificate certificate, long computerID) {
        return uris(certificate).contains(COMPUTER_PREFIX + computerID);
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
