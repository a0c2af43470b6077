package io.vigil.tls.service;

import io.vigil.tls.CertificateNames;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity a platform service proves on internal calls: a certificate of the platform CA naming
 * {@code urn:vigil:service:<name>} as its only service SAN URI (agent certificates name {@code urn:vigil:computer:<ID>},
 * the manager {@code urn:vigil:manager}; neither is a service).
 */
public final class ServiceIdentity {

    public static final String PREFIX = "urn:vigil:service:";
    public static final String HEARTBEAT_GATEWAY = "heartbeat-gateway";
    public static final String AGENT_REGISTRY = "agent-registry";
    public static final String POLICY_SERVICE = "policy-service";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,62}");

    private ServiceIdentity() {
    }

    /** The SAN URI naming a service; {@link IllegalArgumentException} for a name that is not {@code [a-z][a-z0-9-]*}. */
    public static String uri(String service) {
        return PREFIX + requireName(service);
    }

    public static String requireName(String service) {
        if (service == null || !NAME.matcher(service).matches()) {
            throw new IllegalArgumentException("a service name is lowercase letters, digits and '-' (got " + service
                    + ")");
        }
        return service;
    }

    /** The service a certificate names, if it names exactly one service and nothing else the platform issues. */
    public static Optional<String> of(X509Certificate certificate) {
        List<String> uris = CertificateNames.uris(certificate);
        List<String> services = uris.stream().filter(u -> u.startsWith(PREFIX)).map(u -> u.substring(PREFIX.length()))
                .filter(n -> NAME.matcher(n).matches()).toList();
        boolean alsoOther = uris.stream().anyMatch(u -> u.startsWith("urn:vigil:") && !u.startsWith(PREFIX));
        return services.size() == 1 && !alsoOther ? Optional.of(services.getFirst()) : Optional.empty();
    }
}
