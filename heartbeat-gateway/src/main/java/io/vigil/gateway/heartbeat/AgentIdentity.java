package io.vigil.gateway.heartbeat;

import io.vertx.core.http.HttpServerRequest;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import io.vigil.gateway.state.Access;
import io.vigil.gateway.state.ComputerDirectory;
import io.vigil.gateway.tls.SessionIdentity;

import java.time.Instant;

import javax.net.ssl.SSLSession;

/**
 * The computer behind an authenticated request: the one its client certificate names (the handshake already checked
 * the certificate chains to the platform CA). What the certificate says is read once per TLS session
 * ({@link SessionIdentity}); revocation is checked on every request, so kept-alive and resumed connections are covered
 * too.
 */
public record AgentIdentity(long computerID, String serialHex, Instant notAfter, Connection connection) {

    public static AgentIdentity of(HttpServerRequest request, ComputerDirectory directory) {
        SSLSession session = request.sslSession();
        SessionIdentity identity = session == null ? null : SessionIdentity.of(session);
        if (identity == null) {
            throw new ProblemException(Problem.of(401, "client-certificate-required", "Unauthorized",
                    "this endpoint requires the agent certificate issued at activation"));
        }
        if (identity.computerID() == SessionIdentity.NO_COMPUTER) {
            throw forbidden("the certificate names no computer");
        }
        Access access = directory.access(identity.computerID(), identity.serialHex());
        if (!access.allowed()) {
            throw forbidden(access.reason());
        }
        Connection connection = new Connection(request.remoteAddress().hostAddress(), identity.protocol(),
                identity.cipherSuite(), false);
        return new AgentIdentity(identity.computerID(), identity.serialHex(), identity.notAfter(), connection);
    }

    private static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(403, "certificate-revoked", "Forbidden", detail));
    }
}
