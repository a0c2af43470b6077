package io.vigil.console;

import io.vigil.console.keys.ManagedKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Every {@code /api} call needs {@code api-secret-key}: 401 when missing or wrong, 403 when a read-only key writes.
 * A key is either a bootstrap key of the configuration ({@link ApiKeys}, compared in constant time with every one) or
 * a managed key ({@link ManagedKeys}: created over REST, revocable, with an expiry). The authenticated
 * {@link ApiKeys.Caller} is left in the request property {@link #CALLER} for auditing.
 */
@ApplicationScoped
public class ApiKeyFilter {

    public static final String HEADER = "api-secret-key";
    public static final String CALLER = "vigil.caller";
    private static final Set<String> READ_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Supplier<ApiKeys> keys;
    private final ManagedKeys managed;

    /**
     * @param apiKeys     {@code vigil.api-keys}: comma-separated {@code key:role}, role full-access or read-only
     * @param apiKeysFile {@code vigil.api-keys-file}: a file holding the same, read again when it changes (a mounted
     *                    Secret: rotation without restart); wins over {@code vigil.api-keys}
     */
    public ApiKeyFilter(@ConfigProperty(name = "vigil.api-keys") Optional<String> apiKeys,
                        @ConfigProperty(name = "vigil.api-keys-file") Optional<String> apiKeysFile,
                        ManagedKeys managed) {
        this.managed = managed;
        if (apiKeysFile.isPresent() && !apiKeysFile.get().isBlank()) {
            ApiKeysFile file = new ApiKeysFile(Path.of(apiKeysFile.get()));
            this.keys = file::keys;
        } else {
            ApiKeys fixed = ApiKeys.parse(apiKeys.orElse(""));
            this.keys = () -> fixed;
        }
    }

    /** Who made a console request, as audit records name them ({@code unknown} outside {@code /api}). */
    public static String actor(ContainerRequestContext request) {
        return request.getProperty(CALLER) instanceof ApiKeys.Caller caller ? caller.actor() : "unknown";
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return Optional.empty();
        }
        Optional<ApiKeys.Caller> caller = authenticate(request.getHeaderString(HEADER));
        if (caller.isEmpty()) {
            return Optional.of(Problems.response(Problem.of(401, "unauthorized", "Unauthorized",
                    "a valid " + HEADER + " header is required")));
        }
        if (!caller.get().mayWrite() && !READ_METHODS.contains(request.getMethod())) {
            return Optional.of(Problems.response(Problem.of(403, "forbidden", "Forbidden",
                    "this API key is read-only")));
        }
        request.setProperty(CALLER, caller.get());
        return Optional.empty();
    }

    /**
     * The caller of a presented key: a bootstrap key, else a managed key that works now. Also for a service that checks
     * the key on a path outside {@code /api} (the web console's event stream).
     */
    public Optional<ApiKeys.Caller> authenticate(String presented) {
        Optional<ApiKeys.Caller> bootstrap = keys.get().authenticate(presented);
        return bootstrap.isPresent() ? bootstrap : managed.authenticate(presented, Instant.now());
    }

    /** The caller of a console request, or empty outside {@code /api}. */
    public static Optional<ApiKeys.Caller> caller(ContainerRequestContext request) {
        return request.getProperty(CALLER) instanceof ApiKeys.Caller caller ? Optional.of(caller) : Optional.empty();
    }
}
