package io.vigil.tls;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The names the platform's certificates carry (docs/agent-protocol.md, "Certificates and roles"): a manager certificate
 * names {@code urn:vigil:manager}, an agent certificate {@code urn:vigil:computer:<ID>}, both as SAN URIs.
 */
public final class CertificateNames {

    public static final String MANAGER = "urn:vigil:manager";
    public static final String COMPUTER_PREFIX = "urn:vigil:computer:";
    private static final int SAN_URI = 6;

    private CertificateNames() {
    }

    public static String computer(long computerID) {
        return COMPUTER_PREFIX + computerID;
    }

    /** The SAN URIs of a certificate. */
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

    /** The computer a certificate names, if it names exactly one. */
    public static OptionalLong computerOf(X509Certificate certificate) {
        List<Long> ids = uris(certificate).stream().map(CertificateNames::computerOf).flatMap(Optional::stream).toList();
        return ids.size() == 1 ? OptionalLong.of(ids.getFirst()) : OptionalLong.empty();
    }

    static Optional<Long> computerOf(String uri) {
        if (!uri.startsWith(COMPUTER_PREFIX)) {
            return Optional.empty();
        }
        String digits = uri.substring(COMPUTER_PREFIX.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    public static boolean isManager(X509Certificate certificate) {
        return uris(certificate).contains(MANAGER);
    }

    /** Whether the certificate names exactly this computer. */
    public static boolean namesComputer(X509Certificate certificate, long computerID) {
        OptionalLong named = computerOf(certificate);
        return named.isPresent() && named.getAsLong() == computerID;
    }
}
