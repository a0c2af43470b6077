package io.vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPBackendRef;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console routing of docs/console-api.md ("Kubernetes") on one host: computer settings to policy-service (a
 * regular-expression rule) and the managed API keys (/api/apikeys) to policy-service, other /api/computers and
 * /api/activationtokens to agent-registry, /api/alerts to alert-service, / and /console/... (the page and its stream)
 * to web-console, and never /internal or /q; and every path of docs/openapi.yaml to the service that serves it.
 */
class ConsoleRoutesTest {

    /** Request path -> the service that must answer it, or null when the console must not route it. */
    private static final Map<String, Component> CONTRACT = new LinkedHashMap<>();

    static {
        CONTRACT.put("/api/policies", Component.POLICY);
        CONTRACT.put("/api/policies/7", Component.POLICY);
        CONTRACT.put("/api/policies/7/settings/platformSettingHeartbeatInterval", Component.POLICY);
        CONTRACT.put("/api/computers/42/settings", Component.POLICY);
        CONTRACT.put("/api/computers/42/settings/firewallSettingAgentListeningPortAllowedSources", Component.POLICY);
        CONTRACT.put("/api/computers", Component.REGISTRY);
        CONTRACT.put("/api/computers/42", Component.REGISTRY);
        CONTRACT.put("/api/computers/tlscompatibility", Component.REGISTRY);
        CONTRACT.put("/api/activationtokens", Component.REGISTRY);
        CONTRACT.put("/api/activationtokens/3", Component.REGISTRY);
        CONTRACT.put("/api/apikeys", Component.POLICY);
        CONTRACT.put("/api/apikeys/12", Component.POLICY);
        CONTRACT.put("/api/alerts", Component.ALERTS);
        CONTRACT.put("/api/alerts/5", Component.ALERTS);
        CONTRACT.put("/api/alerts/5/dismiss", Component.ALERTS);
        CONTRACT.put("/", Component.WEB_CONSOLE);
        CONTRACT.put("/console", Component.WEB_CONSOLE);
        CONTRACT.put("/console/", Component.WEB_CONSOLE);
        CONTRACT.put("/console/js/main.js", Component.WEB_CONSOLE);
        CONTRACT.put("/console/stream", Component.WEB_CONSOLE);
        CONTRACT.put("/consolex", null);
        CONTRACT.put("/index.html", null);
        CONTRACT.put("/internal/activations", null);
        CONTRACT.put("/internal/computers/42/certificate", null);
        CONTRACT.put("/internal/policies/1", null);
        CONTRACT.put("/q/health/ready", null);
        CONTRACT.put("/q/metrics", null);
        CONTRACT.put("/q/openapi", null);
        CONTRACT.put("/agent/v1/heartbeat", null);
        CONTRACT.put("/api/computers/42/unknown", null);
        CONTRACT.put("/api/policiesx", null);
        CONTRACT.putAll(openApiPaths());
    }

    /**
     * Every path of the merged console API document (docs/openapi.yaml), its parameters as 42, to the service its
     * {@code x-vigil-service} names: a path a service serves but the console routes do not reach fails here.
     */
    private static Map<String, Component> openApiPaths() {
        Map<String, Component> byName = new LinkedHashMap<>();
        Component.ALL.forEach(c -> byName.put(c.name(), c));
        Map<String, Component> paths = new LinkedHashMap<>();
        try {
            JsonNode document = new YAMLMapper().readTree(HelmChart.ROOT.resolve("docs/openapi.yaml").toFile());
            document.get("paths").properties().forEach(path -> {
                Component service = byName.get(path.getValue().path("x-vigil-service").asText());
                assertThat(service).as("x-vigil-service of %s", path.getKey()).isNotNull();
                paths.put(path.getKey().replaceAll("\\{[^}]+}", "42"), service);
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(paths).as("paths of docs/openapi.yaml").hasSizeGreaterThan(10);
        return paths;
    }

    private final Manifests defaults = Manifests.parse(HelmChart.render());
    private final Manifests production = Manifests.parse(HelmChart.render(HelmChart.values("production.yaml")));

    /** ingress-nginx with use-regex: location ~* "^path", first match in config order; ours are exclusive. */
    @Test
    void ingressNginxRoutesEveryContractPathToItsServiceOnly() {
        Ingress ingress = defaults.get(Ingress.class, "vigil-console");
        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/use-regex", "true");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getRules()).hasSize(1);
        assertThat(ingress.getSpec().getRules().getFirst().getHost()).isEqualTo("vigil.example.com");
        assertThat(ingress.getSpec().getTls().getFirst().getSecretName()).isEqualTo("vigil-console-tls");
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().getFirst().getHttp().getPaths();
        for (HTTPIngressPath path : paths) {
            assertThat(path.getPathType()).isEqualTo("ImplementationSpecific");
            assertThat(path.getPath()).matches("/api/.*|/\\$|/console.*").doesNotContain("internal");
            Service target = defaults.service(path.getBackend().getService().getName());
            assertThat(target.getSpec().getPorts()).extracting(p -> p.getName())
                    .contains(path.getBackend().getService().getPort().getName());
        }
        CONTRACT.forEach((request, expected) -> {
            List<String> routedTo = paths.stream()
                    .filter(p -> Pattern.compile("^" + p.getPath(), Pattern.CASE_INSENSITIVE).matcher(request).find())
                    .map(p -> p.getBackend().getService().getName()).toList();
            assertRoute(request, expected, routedTo);
        });
    }

    /** Gateway API: RegularExpression matches the whole path. */
    @Test
    void httpRouteRoutesEveryContractPathToItsServiceOnly() {
        assertThat(defaults.all(HTTPRoute.class)).isEmpty();
        HTTPRoute route = production.get(HTTPRoute.class, "vigil-console");
        assertThat(route.getSpec().getHostnames()).containsExactly("vigil.prod.example.com");
        assertThat(route.getSpec().getParentRefs()).singleElement()
                .satisfies(p -> assertThat(p.getName()).isEqualTo("public"));
        record Rule(Pattern pattern, String backend, int port) {
        }
        List<Rule> rules = route.getSpec().getRules().stream().map(rule -> {
            HTTPPathMatch path = rule.getMatches().getFirst().getPath();
            assertThat(path.getType()).isEqualTo("RegularExpression");
            HTTPBackendRef backend = rule.getBackendRefs().getFirst();
            return new Rule(Pattern.compile(path.getValue()), backend.getName(), backend.getPort());
        }).toList();
        for (Rule rule : rules) {
            assertThat(rule.pattern().pattern()).matches("\\^(/api/.*|/|/console.*)\\$");
            Service target = production.service(rule.backend());
            assertThat(target.getSpec().getPorts()).extracting(p -> p.getPort()).contains(rule.port());
        }
        CONTRACT.forEach((request, expected) -> assertRoute(request, expected, rules.stream()
                .filter(r -> r.pattern().matcher(request).matches()).map(Rule::backend).toList()));
    }

    @Test
    void withoutTheWebConsoleOnlyTheApiIsRouted() {
        Manifests withoutConsole = Manifests.parse(HelmChart.render(java.util.Map.of("webConsole.enabled", false)));
        assertThat(withoutConsole.get(Ingress.class, "vigil-console").getSpec().getRules().getFirst().getHttp()
                .getPaths()).extracting(HTTPIngressPath::getPath).allMatch(p -> p.startsWith("/api/"));
    }

    @Test
    void ingressCanBeSwitchedOff() {
        Manifests minimal = Manifests.parse(HelmChart.render(HelmChart.values("minimal.yaml")));
        assertThat(minimal.all(Ingress.class)).isEmpty();
        assertThat(minimal.all(HTTPRoute.class)).isEmpty();
    }

    private static void assertRoute(String request, Component expected, List<String> routedTo) {
        if (expected == null) {
            assertThat(routedTo).as("%s must not be routed", request).isEmpty();
        } else {
            assertThat(routedTo).as("%s must reach %s only", request, expected.name())
                    .containsExactly(expected.resourceName());
        }
    }
}
