package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The root README's "helm install" lines render, and do what the README says they do. */
class ReadmeInstallTest {

    private static final Pattern SET = Pattern.compile("--set ([^=\\s]+)=(\\S+)");

    @Test
    void bothInstallLinesRenderTheFiveServices() throws IOException {
        List<Map<String, Object>> installs = installs();
        assertThat(installs).hasSize(2);
        for (Map<String, Object> sets : installs) {
            Manifests manifests = Manifests.parse(HelmChart.render(sets));
            assertThat(manifests.all(Deployment.class)).as(sets.toString()).hasSize(Component.ALL.size());
            assertThat(manifests.configMap("policy-service").getData())
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", (String) sets.get("kafka.bootstrapServers"));
        }
        Manifests plain = Manifests.parse(HelmChart.render(installs.get(0)));
        assertThat(plain.ofKind("KafkaUser")).isEmpty();
        assertThat(plain.ofKind("KafkaTopic")).isEmpty();
        Manifests strimzi = Manifests.parse(HelmChart.render(installs.get(1)));
        assertThat(strimzi.ofKind("KafkaUser")).hasSize(Component.ALL.size());
        assertThat(strimzi.ofKind("KafkaTopic")).isNotEmpty();
    }

    /** The --set pairs of every "helm install" command in the root README, in order. */
    private static List<Map<String, Object>> installs() throws IOException {
        String readme = Files.readString(HelmChart.ROOT.resolve("README.md")).replace("\\\n", " ");
        List<Map<String, Object>> installs = new ArrayList<>();
        for (String line : readme.lines().filter(l -> l.startsWith("helm install vigil helm/vigil")).toList()) {
            Map<String, Object> sets = new LinkedHashMap<>();
            Matcher m = SET.matcher(line);
            while (m.find()) {
                sets.put(m.group(1), m.group(2));
            }
            installs.add(sets);
        }
        return installs;
    }
}
