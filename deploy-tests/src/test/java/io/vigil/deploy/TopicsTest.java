package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.vigil.events.Topics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The chart's topics are exactly io.vigil.events.Topics.ALL, replicated 3 times with min.insync.replicas 2. */
class TopicsTest {

    @Test
    void strimziKafkaTopicsMatchTheTopicsOfTheEventsModule() {
        Manifests production = Manifests.parse(HelmChart.render(HelmChart.values("production.yaml")));
        List<GenericKubernetesResource> topics = production.ofKind("KafkaTopic");
        assertThat(topics).hasSize(Topics.ALL.size());
        for (Topics.Spec spec : Topics.ALL) {
            GenericKubernetesResource topic = topics.stream()
                    .filter(t -> spec.name().equals(t.get("spec", "topicName"))).findFirst().orElseThrow();
            assertThat(topic.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "prod-kafka");
            assertThat(topic.getMetadata().getAnnotations()).containsEntry("vigil.io/retention", spec.retention());
            assertThat(((Number) topic.get("spec", "partitions")).intValue()).isEqualTo(spec.partitions());
            assertThat(((Number) topic.get("spec", "replicas")).intValue()).isEqualTo(3);
            Map<String, Object> config = topic.get("spec", "config");
            Map<String, String> expected = new HashMap<>(spec.config());
            expected.put("min.insync.replicas", "2");
            if (spec.name().equals(Topics.AUDIT)) {
                expected.put("retention.ms", "31536000000");  // the override of production.yaml
            }
            assertThat(config).containsExactlyInAnyOrderEntriesOf(Map.copyOf(expected));
        }
        assertThat(production.all(Job.class)).isEmpty();
    }

    @Test
    void topicJobCreatesEveryTopicBeforeTheServicesStart() {
        Manifests defaults = Manifests.parse(HelmChart.render());
        assertThat(defaults.ofKind("KafkaTopic")).isEmpty();
        Job job = defaults.get(Job.class, "vigil-topics");
        assertThat(job.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
        Container container = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        String script = container.getArgs().getFirst();
        assertThat(script).contains("--replication-factor 3").contains("--if-not-exists");
        for (Topics.Spec spec : Topics.ALL) {
            String line = script.lines().map(String::strip).filter(l -> l.startsWith("topic " + spec.name() + " "))
                    .findFirst().orElseThrow(() -> new AssertionError("no topic line for " + spec.name()));
            String[] parts = line.split(" ");
            assertThat(Integer.parseInt(parts[2])).isEqualTo(spec.partitions());
            Map<String, String> config = new HashMap<>();
            for (String pair : parts[3].split(",")) {
                String[] kv = pair.split("=", 2);
                config.put(kv[0], kv[1]);
            }
            Map<String, String> expected = new HashMap<>(spec.config());
            expected.put("min.insync.replicas", "2");
            assertThat(config).isEqualTo(expected);
        }
        assertThat(job.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    }

    @Test
    void topicFileAndReadmeDocumentTheSameRetentions() throws IOException {
        String readme = Files.readString(HelmChart.CHART.resolve("README.md"));
        for (Topics.Spec spec : Topics.ALL) {
            assertThat(readme).as(spec.name()).containsPattern(
                    "\\| `" + java.util.regex.Pattern.quote(spec.name()) + "` \\| " + spec.partitions() + " \\| "
                            + java.util.regex.Pattern.quote(spec.retention()) + " \\|");
        }
    }

    @Test
    void compactedTopicsRefuseARetentionOverride() {
        assertThatThrownBy(() -> HelmChart.render(HelmChart.values("invalid-compacted-retention.yaml")))
                .hasMessageContaining("vigil.internal.computers is compacted");
    }
}
