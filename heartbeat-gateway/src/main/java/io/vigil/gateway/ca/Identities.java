package io.vigil.gateway.ca;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The names certificates carry (contract section 2, "Certificates and roles"). */
public final class Identities {

    public static final String MANAGER = "urn:vigil:manager";
    public static final String COMPUTER_PREFIX = "urn:vigil:computer:";
    private static final int SAN_URI = 6;

    private Identities() {
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
        List<Long> ids = uris(certificate).stream().map(Identities::computerOf).flatMap(Optional::stream).toList();
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
}
