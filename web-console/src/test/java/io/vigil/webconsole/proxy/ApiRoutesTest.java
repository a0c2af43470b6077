package io.vigil.webconsole.proxy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.vigil.webconsole.proxy.ApiRoutes.Upstream.AGENT_REGISTRY;
import static io.vigil.webconsole.proxy.ApiRoutes.Upstream.ALERT_SERVICE;
import static io.vigil.webconsole.proxy.ApiRoutes.Upstream.POLICY_SERVICE;
import static org.assertj.core.api.Assertions.assertThat;

class ApiRoutesTest {

    @Test
    void eachConsolePathGoesToTheServiceThatServesIt() {
        assertThat(ApiRoutes.upstreamOf("/api/policies")).contains(POLICY_SERVICE);
        assertThat(ApiRoutes.upstreamOf("/api/policies/7/settings/platformSettingHeartbeatInterval"))
                .contains(POLICY_SERVICE);
        assertThat(ApiRoutes.upstreamOf("/api/computers/12/settings")).contains(POLICY_SERVICE);
        assertThat(ApiRoutes.upstreamOf("/api/apikeys/4")).contains(POLICY_SERVICE);
        assertThat(ApiRoutes.upstreamOf("/api/computers/12/settings/platformSettingHeartbeatInterval"))
                .contains(POLICY_SERVICE);
        assertThat(ApiRoutes.upstreamOf("/api/computers")).contains(AGENT_REGISTRY);
        assertThat(ApiRoutes.upstreamOf("/api/computers/")).contains(AGENT_REGISTRY);
        assertThat(ApiRoutes.upstreamOf("/api/computers/12")).contains(AGENT_REGISTRY);
        assertThat(ApiRoutes.upstreamOf("/api/computers/tlscompatibility")).contains(AGENT_REGISTRY);
        assertThat(ApiRoutes.upstreamOf("/api/computers/summary")).contains(AGENT_REGISTRY);
        assertThat(ApiRoutes.upstreamOf("/api/computers/12/configuration")).contains(AGENT_REGISTRY);
        assertThat(ApiRoutes.upstreamOf("/api/activationtokens/3")).contains(AGENT_REGISTRY);
        assertThat(ApiRoutes.upstreamOf("/api/alerts")).contains(ALERT_SERVICE);
        assertThat(ApiRoutes.upstreamOf("/api/alerts/9/dismiss")).contains(ALERT_SERVICE);
    }

    @Test
    void nothingElseIsForwarded() {
        for (String path : List.of("/api", "/api/", "/api/unknown", "/internal/activations", "/q/metrics",
                "/api/computers/12/other", "/api/computers/../q/metrics", "/api/alerts/../../q/health",
                "/api//computers", "/apix/computers", "/api/policiesx")) {
            assertThat(ApiRoutes.upstreamOf(path)).as(path).isEmpty();
        }
        assertThat(ApiRoutes.upstreamOf(null)).isEmpty();
    }

    /** The rules are the chart's console ingress rules (helm/vigil/templates/_helpers.tpl), in the same order. */
    @Test
    void theRulesAreTheConsoleIngressRulesOfTheChart() throws IOException {
        String helpers = Files.readString(Path.of("..", "helm", "vigil", "templates", "_helpers.tpl"));
        Matcher block = Pattern.compile("define \"vigil.consoleRoutes\" -}}(.*?)\\{\\{- end }}", Pattern.DOTALL)
                .matcher(helpers);
        assertThat(block.find()).as("consoleRoutes in _helpers.tpl").isTrue();
        Matcher route = Pattern.compile("- path: (\\S+)\\s+component: (\\w+)").matcher(block.group(1));
        List<String> chart = new java.util.ArrayList<>();
        while (route.find()) {
            if (!route.group(2).equals("webConsole")) {
                chart.add(route.group(1) + " -> " + route.group(2));
            }
        }
        List<String> ours = ApiRoutes.ROUTES.stream().map(r -> r.path().pattern() + " -> " + switch (r.upstream()) {
            case POLICY_SERVICE -> "policyService";
            case AGENT_REGISTRY -> "agentRegistry";
            case ALERT_SERVICE -> "alertService";
        }).toList();
        assertThat(ours).containsExactlyElementsOf(chart);
    }
}
