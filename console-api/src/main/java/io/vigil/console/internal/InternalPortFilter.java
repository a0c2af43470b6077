package io.vigil.console.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import io.vigil.console.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * Applies {@link InternalAccess} to every HTTP request before routing, in a service that sets
 * {@code vigil.internal.callers}; inert elsewhere. The internal port is the HTTPS listener
 * ({@code quarkus.http.ssl-port}, TLS configuration {@code internal}, {@code client-auth=request}); the console port is
 * the plain one.
 */
@ApplicationScoped
public class InternalPortFilter {

    private static final Logger LOG = Logger.getLogger(InternalPortFilter.class);
    /** Runs before everything else, including the API-key check. */
    private static final int PRIORITY = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Optional<InternalAccess> access;

    /** @param callers {@code vigil.internal.callers}: the services allowed on the internal port */
    public InternalPortFilter(@ConfigProperty(name = "vigil.internal.callers") Optional<List<String>> callers) {
        this.access = callers.map(c -> new InternalAccess(Set.copyOf(c)));
    }

    void register(@Observes Filters filters) {
        access.ifPresent(rule -> {
            LOG.infof("internal endpoints only on the TLS port, for services %s", rule.callers());
            filters.register(context -> check(rule, context), PRIORITY);
        });
    }

    private static void check(InternalAccess rule, RoutingContext context) {
        boolean internalPort = context.request().isSSL();
        InternalAccess.Verdict verdict = rule.decide(context.normalizedPath(), internalPort,
                internalPort ? peer(context.request().sslSession()) : Optional.empty());
        switch (verdict) {
            case PASS -> context.next();
            case NOT_FOUND -> refuse(context, Problem.of(404, "not-found", "Not Found",
                    "no such resource on this port"));
            case UNAUTHENTICATED -> refuse(context, Problem.of(401, "unauthorized", "Unauthorized",
                    "internal endpoints need the client certificate of a platform service"));
            case FORBIDDEN -> {
                LOG.warnf("internal call to %s refused: the caller is not one of %s", context.normalizedPath(),
                        rule.callers());
                refuse(context, Problem.of(403, "forbidden", "Forbidden",
                        "this certificate does not name a service allowed to call this endpoint"));
            }
        }
    }

    static Optional<X509Certificate> peer(SSLSession session) {
        if (session == null) {
            return Optional.empty();
        }
        try {
            Certificate[] chain = session.getPeerCertificates();
            return chain.length > 0 && chain[0] instanceof X509Certificate leaf ? Optional.of(leaf) : Optional.empty();
        } catch (SSLPeerUnverifiedException none) {
            return Optional.empty();
        }
    }

    private static void refuse(RoutingContext context, Problem problem) {
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            body = "{\"status\":" + problem.status() + "}";
        }
        context.response().setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
