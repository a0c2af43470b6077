package io.vigil.console.internal;

import io.vigil.tls.service.ServiceIdentity;

import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

/**
 * Who may call what on a service that serves internal endpoints. Two listeners: the console port (plain HTTP) serves
 * only {@code /api} and {@code /q}; the internal port (TLS, client certificates of the platform CA) serves only
 * {@code /internal}, and only to a caller whose certificate names one of the allowed services.
 */
public final class InternalAccess {

    /** What happens to a request. */
    public enum Verdict {
        /** Served. */
        PASS,
        /** The path does not exist on this port (404). */
        NOT_FOUND,
        /** Internal port without a client certificate (401). */
        UNAUTHENTICATED,
        /** A platform certificate, but not of an allowed service (403): another service, an agent, the manager. */
        FORBIDDEN
    }

    private final Set<String> callers;

    /** @param callers the service names (see {@link ServiceIdentity}) allowed on the internal port */
    public InternalAccess(Set<String> callers) {
        callers.forEach(ServiceIdentity::requireName);
        this.callers = Set.copyOf(callers);
    }

    public Set<String> callers() {
        return callers;
    }

    /**
     * @param path         the normalised request path (dot segments removed)
     * @param internalPort whether the request came in on the internal (TLS) port
     * @param peer         the client certificate the TLS layer verified against the platform CA, if any
     */
    public Verdict decide(String path, boolean internalPort, Optional<X509Certificate> peer) {
        if (!internalPort) {
            return under(path, "/api") || under(path, "/q") ? Verdict.PASS : Verdict.NOT_FOUND;
        }
        if (!under(path, "/internal")) {
            return Verdict.NOT_FOUND;
        }
        if (peer.isEmpty()) {
            return Verdict.UNAUTHENTICATED;
        }
        return ServiceIdentity.of(peer.get()).filter(callers::contains).isPresent() ? Verdict.PASS : Verdict.FORBIDDEN;
    }

    static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
