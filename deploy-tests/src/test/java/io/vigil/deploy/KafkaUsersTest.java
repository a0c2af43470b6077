package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.vigil.events.KafkaAccess;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With Strimzi, one KafkaUser per service whose ACLs are exactly io.vigil.events.KafkaAccess (the table the secured
 * local broker enforces and the root README shows), named as the Secret the service's Deployment reads.
 */
class KafkaUsersTest {

    private final Manifests production = Manifests.parse(HelmChart.render(HelmChart.values("production.yaml")));

    /** One ACL as the test compares them: resource type, name, pattern type and operation. */
    record Acl(String type, String name, String pattern, String operation) {
    }

    @Test
    void everyServiceHasAScramUserWithExactlyTheAclsOfKafkaAccess() {
        List<GenericKubernetesResource> users = production.ofKind("KafkaUser");
        assertThat(users).hasSize(KafkaAccess.ALL.size());
        for (KafkaAccess.ServiceAccess access : KafkaAccess.ALL) {
            Deployment deployment = production.deployment(access.service());
            String secret = ChartDefaultsTest.secretKey(ChartDefaultsTest.single(deployment.getSpec().getTemplate()
                    .getSpec().getContainers()), "KAFKA_SASL_JAAS_CONFIG").getName();
            // the Deployment reads the Secret the User Operator writes for this KafkaUser
            GenericKubernetesResource user = users.stream().filter(u -> u.getMetadata().getName().equals(secret))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaUser " + secret + " for " + access));
            assertThat(user.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "prod-kafka")
                    .containsEntry("app.kubernetes.io/component", access.service());
            assertThat((String) user.get("spec", "authentication", "type")).isEqualTo("scram-sha-512");
            assertThat((String) user.get("spec", "authorization", "type")).isEqualTo("simple");
            assertThat(acls(user)).as(access.service()).containsExactlyInAnyOrderElementsOf(expected(access));
        }
        assertThat(production.ofKind("KafkaUser")).extracting(u -> u.getMetadata().getName())
                .contains("prod-vigil-gateway", "policy-service", "agent-registry", "alert-service", "siem-forwarder");
    }

    @Test
    void aServiceMayWriteOnlyTheTopicsItOwns() {
        Map<String, Set<String>> writers = new HashMap<>();
        for (GenericKubernetesResource user : production.ofKind("KafkaUser")) {
            for (Acl acl : acls(user)) {
                assertThat(acl.name()).as("no wildcard").doesNotContain("*");
                assertThat(acl.type()).isIn("topic", "group");
                assertThat(acl.operation()).isIn("Read", "Write");
                if (acl.operation().equals("Write")) {
                    writers.computeIfAbsent(acl.name(), t -> new HashSet<>()).add(user.getMetadata().getName());
                }
            }
        }
        // single owners, except the shared audit trail, the dead-letter topic and the console services' key usage
        writers.forEach((topic, who) -> {
            if (!topic.equals("vigil.audit") && !topic.equals("vigil.dead-letter")
                    && !topic.equals("vigil.internal.api-key-usage")) {
                assertThat(who).as(topic).hasSize(1);
            }
        });
        assertThat(writers.get("vigil.heartbeats")).containsExactly("prod-vigil-gateway");
        assertThat(writers.get("vigil.alerts")).containsExactly("alert-service");
        assertThat(writers.get("vigil.internal.api-keys")).containsExactly("policy-service");
        assertThat(writers.get("vigil.internal.api-key-usage"))
                .containsExactlyInAnyOrder("policy-service", "agent-registry", "alert-service");
    }

    @Test
    void noKafkaUserWithoutStrimziSaslOrTheSwitch() {
        assertThat(Manifests.parse(HelmChart.render()).ofKind("KafkaUser")).as("topics.mode job").isEmpty();
        assertThat(Manifests.parse(HelmChart.render(Map.of("kafka.sasl.strimziUsers", false),
                HelmChart.values("production.yaml"))).ofKind("KafkaUser")).isEmpty();
        assertThat(Manifests.parse(HelmChart.render(Map.of("kafka.securityProtocol", "SSL"),
                HelmChart.values("production.yaml"))).ofKind("KafkaUser")).isEmpty();
        assertThat(Manifests.parse(HelmChart.render(Map.of("siemForwarder.enabled", false),
                HelmChart.values("production.yaml"))).ofKind("KafkaUser")).hasSize(KafkaAccess.ALL.size() - 1);
        assertThatThrownBy(() -> HelmChart.render(Map.of("kafka.sasl.mechanism", "SCRAM-SHA-256"),
                HelmChart.values("production.yaml"))).hasMessageContaining("scram-sha-512");
    }

    static List<Acl> expected(KafkaAccess.ServiceAccess access) {
        List<Acl> acls = new ArrayList<>();
        access.writes().forEach(t -> acls.add(new Acl("topic", t, "literal", "Write")));
        access.reads().forEach(t -> acls.add(new Acl("topic", t, "literal", "Read")));
        if (access.groupPrefix() != null) {
            acls.add(new Acl("group", access.groupPrefix(), "prefix", "Read"));
        }
        return acls;
    }

    /** Every (resource, operation) pair the KafkaUser grants; an entry with several operations gives several. */
    static List<Acl> acls(GenericKubernetesResource user) {
        List<Map<String, Object>> entries = user.get("spec", "authorization", "acls");
        List<Acl> acls = new ArrayList<>();
        for (Map<String, Object> entry : entries) {
            @SuppressWarnings("unchecked")
            Map<String, Object> resource = (Map<String, Object>) entry.get("resource");
            assertThat(entry.get("host")).isEqualTo("*");
            assertThat(entry).doesNotContainKey("operation").doesNotContainKey("type"); // allow rules only
            @SuppressWarnings("unchecked")
            List<String> operations = (List<String>) entry.get("operations");
            for (String operation : operations) {
                acls.add(new Acl((String) resource.get("type"), (String) resource.get("name"),
                        (String) resource.get("patternType"), operation));
            }
        }
        return acls;
    }
}
