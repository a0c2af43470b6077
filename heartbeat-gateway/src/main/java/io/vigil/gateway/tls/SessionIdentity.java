package io.vigil.gateway.tls;

import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;
import io.vigil.tls.Suites;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.OptionalLong;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * What a TLS session's client certificate says (computer, serial, expiry) and how the session was negotiated, read
 * from the certificate once per session and kept in the session itself: a kept-alive agent sends every heartbeat on
 * one session, and parsing the certificate's subject alternative names on each was a visible share of the gateway's
 * CPU per heartbeat. A session's peer certificate never changes, so nothing cached here goes stale; whether the
 * certificate is still allowed is not cached (the heartbeat and renewal resources ask on every request).
 */
public record SessionIdentity(long computerID, String serialHex, Instant notAfter, String protocol, String cipherSuite) {

    /** The computer ID of a certificate that names none. */
    public static final long NO_COMPUTER = -1;

    private static final String KEY = SessionIdentity.class.getName();

    /** The identity of the session's client certificate; null when the client showed none. */
    public static SessionIdentity of(SSLSession session) {
        if (session.getValue(KEY) instanceof SessionIdentity cached) {
            return cached;
        }
        X509Certificate certificate = peer(session);
        if (certificate == null) {
            return null;
        }
        SessionIdentity identity = new SessionIdentity(CertificateNames.computerOf(certificate).orElse(NO_COMPUTER),
                CertificateAuthority.serialHex(certificate.getSerialNumber()), certificate.getNotAfter().toInstant(),
                session.getProtocol(), Suites.ianaName(session.getCipherSuite()));
        session.putValue(KEY, identity);
        return identity;
    }

    /** The computer a session's client certificate names; empty without a session, a certificate or a name. */
    public static OptionalLong computerOf(SSLSession session) {
        SessionIdentity identity = session == null ? null : of(session);
        return identity == null || identity.computerID() == NO_COMPUTER ? OptionalLong.empty()
                : OptionalLong.of(identity.computerID());
    }

    private static X509Certificate peer(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }
}
