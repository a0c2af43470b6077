package io.vigil.gateway.heartbeat;

import io.vertx.core.http.HttpServerRequest;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;
import io.vigil.gateway.state.Access;
import io.vigil.gateway.state.ComputerDirectory;
import io.vigil.tls.Suites;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.OptionalLong;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The computer behind an authenticated request: the one its client certificate names (the handshake already checked
 * the certificate chains to the platform CA). Checked against revocation on every request, so kept-alive and resumed
 * connections are covered too.
 */
public record AgentIdentity(long computerID, X509Certificate certificate, String serialHex, Connection connection) {

    public static AgentIdentity of(HttpServerRequest request, ComputerDirectory directory) {
        SSLSession session = request.sslSession();
        X509Certificate certificate = session == null ? null : peer(session);
        if (certificate == null) {
            throw new ProblemException(Problem.of(401, "client-certificate-required", "Unauthorized",
                    "this endpoint requires the agent certificate issued at activation"));
        }
        OptionalLong computer = CertificateNames.computerOf(certificate);
        if (computer.isEmpty()) {
            throw forbidden("the certificate names no computer");
        }
        String serial = CertificateAuthority.serialHex(certificate.getSerialNumber());
        Access access = directory.access(computer.getAsLong(), serial);
        if (!access.allowed()) {
            throw forbidden(access.reason());
        }
        Connection connection = new Connection(request.remoteAddress().hostAddress(), session.getProtocol(),
                Suites.ianaName(session.getCipherSuite()), false);
        return new AgentIdentity(computer.getAsLong(), certificate, serial, connection);
    }

    private static X509Certificate peer(SSLSession session) {
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate x509 ? x509 : null;
        } catch (SSLPeerUnverifiedException e) {
            return null;
        }
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "certificate-revoked", "Forbidden", detail));
    }
}
