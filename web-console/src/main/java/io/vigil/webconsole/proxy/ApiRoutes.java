package io.vigil.webconsole.proxy;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which console service serves an {@code /api} path: the same rules as the chart's console ingress (one anchored
 * regular expression per rule, mutually exclusive), so that the page sees one API whether {@code ./vigil up} or an
 * ingress serves it. {@code /internal} and {@code /q} are never routed.
 */
public final class ApiRoutes {

    /** A console service that serves part of {@code /api}. */
    public enum Upstream { POLICY_SERVICE, AGENT_REGISTRY, ALERT_SERVICE }

    /** One rule: a path pattern, anchored at both ends, and the service it goes to. */
    public record Route(Pattern path, Upstream upstream) {
    }

    public static final List<Route> ROUTES = List.of(
            new Route(Pattern.compile("/api/computers/[^/]+/settings(/.*)?$"), Upstream.POLICY_SERVICE),
            new Route(Pattern.compile("/api/policies(/.*)?$"), Upstream.POLICY_SERVICE),
            new Route(Pattern.compile("/api/apikeys(/.*)?$"), Upstream.POLICY_SERVICE),
            new Route(Pattern.compile("/api/computers/[^/]+/configuration$"), Upstream.AGENT_REGISTRY),
            new Route(Pattern.compile("/api/computers(/[^/]+)?/?$"), Upstream.AGENT_REGISTRY),
            new Route(Pattern.compile("/api/activationtokens(/.*)?$"), Upstream.AGENT_REGISTRY),
            new Route(Pattern.compile("/api/alerts(/.*)?$"), Upstream.ALERT_SERVICE));

    private ApiRoutes() {
    }

    /** The service of a request path (without query), empty when no rule matches it. */
    public static Optional<Upstream> upstreamOf(String path) {
        if (path == null || path.contains("..") || path.contains("//")) {
            return Optional.empty();
        }
        return ROUTES.stream().filter(r -> r.path().matcher(path).matches()).map(Route::upstream).findFirst();
    }
}
