package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several values files: minimal, production-like, and values the chart must refuse. */
class ChartValuesTest {

    private final Manifests minimal = Manifests.parse(HelmChart.render(HelmChart.values("minimal.yaml")));
    private final Manifests production = Manifests.parse(HelmChart.render(HelmChart.values("production.yaml")));

    @Test
    void minimalInstallIsFourServicesWithPlaintextKafkaAndANodePort() {
        assertThat(minimal.all(Deployment.class)).hasSize(4);
        assertThat(minimal.all(PodDisruptionBudget.class)).isEmpty();
        assertThat(minimal.ofKind("KafkaTopic")).isEmpty();
        Service agents = minimal.service("vigil-heartbeat-gateway-agents");
        assertThat(agents.getSpec().getType()).isEqualTo("NodePort");
        assertThat(agents.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
        assertThat(agents.getSpec().getPorts().getFirst().getNodePort()).isEqualTo(30412);
        Container policy = container(minimal.deployment("policy-service"));
        assertThat(ChartDefaultsTest.env(policy, "KAFKA_SASL_JAAS_CONFIG")).isNull();
        assertThat(minimal.configMap("policy-service").getData())
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT")
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "kafka.kafka.svc:9092")
                .containsEntry("VIGIL_DB_POLICY_JDBC_URL", "jdbc:postgresql://postgresql.db.svc:5432/policy?sslmode=disable")
                .doesNotContainKey("KAFKA_SASL_MECHANISM");
        // the CA Job still creates the platform CA once
        Job ca = minimal.get(Job.class, "vigil-ca-create");
        assertThat(ca.getMetadata().getAnnotations()).containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
    }

    @Test
    void productionInstallUsesItsSecretsCaAndImagesByDigest() {
        for (Deployment d : production.all(Deployment.class)) {
            Container c = container(d);
            assertThat(c.getImage()).startsWith("registry.example.com/vigil/")
                    .endsWith("@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
            assertThat(d.getSpec().getReplicas()).as("HPA owns the replicas").isNull();
            assertThat(d.getSpec().getTemplate().getSpec().getImagePullSecrets()).extracting(s -> s.getName())
                    .containsExactly("regcred");
            boolean console = !d.getMetadata().getName().endsWith("heartbeat-gateway")
                    && !d.getMetadata().getName().endsWith("siem-forwarder");
            String component = d.getMetadata().getName().substring(HelmChart.RELEASE.length() + 1);
            assertThat(ChartDefaultsTest.apiKeysSecret(production, Component.ALL.stream()
                    .filter(x -> x.name().equals(component)).findFirst().orElseThrow()))
                    .isEqualTo(console ? "vigil-console-keys" : null);
            assertThat(d.getMetadata().getLabels()).containsEntry("team", "security-platform");
        }
        assertThat(production.all(HorizontalPodAutoscaler.class)).hasSize(6)
                .allSatisfy(h -> assertThat(h.getSpec().getScaleTargetRef().getName())
                        .isEqualTo(h.getMetadata().getName()));
        // existing CA: no Job, the gateway mounts the named Secret
        assertThat(production.all(Job.class)).isEmpty();
        PodSpec gateway = production.deployment("heartbeat-gateway").getSpec().getTemplate().getSpec();
        assertThat(ChartDefaultsTest.volume(gateway, "platform-ca").getSecret().getSecretName())
                .isEqualTo("vigil-platform-ca");
        assertThat(ChartDefaultsTest.env(container(production.deployment("heartbeat-gateway")), "JDK_JAVA_OPTIONS")
                .getValue()).isEqualTo("-XX:+UseZGC");
        assertThat(gateway.getTopologySpreadConstraints().getFirst().getLabelSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/component", "heartbeat-gateway");
        // the gateway calls agents only in the agents' networks
        assertThat(production.configMap("heartbeat-gateway").getData())
                .containsEntry("VIGIL_GATEWAY_AGENTS_NETWORKS", "10.0.0.0/8,192.168.0.0/16");
        // Kafka over SASL_SSL trusting the cluster CA as PEM
        assertThat(production.configMap("alert-service").getData())
                .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM")
                .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/vigil/kafka-ca/ca.crt")
                .containsEntry("VIGIL_DB_ALERTS_REACTIVE_URL", "postgresql://pg.prod.example.com:5432/alerts?sslmode=verify-full");
        assertThat(production.configMap("agent-registry").getData()).containsEntry("QUARKUS_LOG_LEVEL", "INFO");
        assertThat(production.configMap("siem-forwarder").getData())
                .containsEntry("VIGIL_SIEM_SYSLOG_URL", "tls://siem.example.com:6514?kinds=alerts,audit&minSeverity=warning")
                .containsEntry("VIGIL_SIEM_TLS_TRUST_STORE", "/etc/vigil/siem-trust/ca.crt");
        Service agents = production.service("vigil-heartbeat-gateway-agents");
        assertThat(agents.getSpec().getLoadBalancerSourceRanges()).containsExactly("10.0.0.0/8");
        assertThat(agents.getMetadata().getAnnotations())
                .containsEntry("service.beta.kubernetes.io/aws-load-balancer-type", "nlb");
    }

    @Test
    void productionInstallGivesEachServiceItsOwnKeysOfOneDatabaseSecretAndItsOwnKafkaUser() {
        Container gateway = container(production.deployment("heartbeat-gateway"));
        assertThat(ChartDefaultsTest.secretKey(gateway, "KAFKA_SASL_JAAS_CONFIG"))
                .isEqualTo(new SecretKeySelector("sasl.jaas.config", "prod-vigil-gateway", null));
        Container alerts = container(production.deployment("alert-service"));
        assertThat(ChartDefaultsTest.secretKey(alerts, "KAFKA_SASL_JAAS_CONFIG").getName()).isEqualTo("alert-service");
        assertThat(ChartDefaultsTest.secretKey(alerts, "VIGIL_DB_USER"))
                .isEqualTo(new SecretKeySelector("alerts-user", "vigil-pg", null));
        assertThat(ChartDefaultsTest.secretKey(alerts, "VIGIL_DB_PASSWORD"))
                .isEqualTo(new SecretKeySelector("alerts-password", "vigil-pg", null));
        assertThat(ChartDefaultsTest.secretKey(container(production.deployment("policy-service")), "VIGIL_DB_USER"))
                .isEqualTo(new SecretKeySelector("policy-user", "vigil-pg", null));
        ChartDefaultsTest.assertNoSecretKeyShared(production);
    }

    @Test
    void serviceMonitorsScrapeEveryServiceOnItsHttpPort() {
        assertThat(Manifests.parse(HelmChart.render()).ofKind("ServiceMonitor")).isEmpty();
        assertThat(production.ofKind("ServiceMonitor")).hasSize(6).allSatisfy((GenericKubernetesResource sm) -> {
            assertThat(sm.getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
            Map<String, Object> endpoint = sm.<java.util.List<Map<String, Object>>>get("spec", "endpoints").getFirst();
            assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/q/metrics");
            Map<String, String> selector = sm.get("spec", "selector", "matchLabels");
            assertThat(production.service(sm.getMetadata().getName()).getMetadata().getLabels())
                    .containsAllEntriesOf(selector);
        });
    }

    @Test
    void anInstallPinnedByDigestRefusesAJobImagePinnedByTagAlone() {
        String digest = "sha256:" + "cd".repeat(32);
        assertThatThrownBy(() -> HelmChart.render(Map.of("image.digest", digest)))
                .hasMessageContaining("imageDigest is required when image.digest pins the services");
        assertThatThrownBy(() -> HelmChart.render(Map.of("image.digest", digest, "topics.job.imageDigest", digest)))
                .hasMessageContaining("ca.create.imageDigest is required")
                .hasMessageContaining("docker.io/alpine/k8s:1.33.4");
        assertThatThrownBy(() -> HelmChart.render(Map.of("image.digest", digest, "ca.create.imageDigest", digest)))
                .hasMessageContaining("topics.job.imageDigest is required");
        Manifests pinned = Manifests.parse(HelmChart.render(Map.of("image.digest", digest,
                "ca.create.imageDigest", digest, "topics.job.imageDigest", digest)));
        assertThat(pinned.all(Job.class)).hasSize(2).allSatisfy(job -> assertThat(
                job.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).endsWith("@" + digest));
        // a Job that does not run needs no digest
        assertThat(Manifests.parse(HelmChart.render(Map.of("image.digest", digest, "ca.existingSecret", "ca",
                "topics.mode", "none"))).all(Job.class)).isEmpty();
    }

    @ParameterizedTest(name = "{0}={1} is refused")
    @CsvSource({
            "unknownTopLevelKey, x, additional properties",
            "heartbeatGateway.tlsMode, weak, tlsMode",
            "policyService.port, 70000, port",
            "heartbeatGateway.agentService.externalTrafficPolicy, Everywhere, externalTrafficPolicy",
            "heartbeatGateway.agentService.type, ClusterIP, type",
            "kafka.securityProtocol, SASL_TLS, securityProtocol",
            "topics.mode, operator, mode",
            "image.digest, latest, digest",
            "ca.create.imageDigest, latest, imageDigest",
            "topics.job.imageDigest, sha256:abc, imageDigest",
            "internalTls.validityDays, 0, validityDays",
            "kafka.sasl.users.alertService, policy-service, every service needs its own Kafka user",
            "kafka.sasl.users.topicsJob, alert-service, every service needs its own Kafka user",
            "database.credentials.alerts.existingSecret, vigil-db-policy-service, every service needs its own database login",
            "database.credentials.policy.passwordKey, username, every service needs its own database login",
            "kafka.sasl.users.policyService, '', policyService",
            "ca.create.enabled, false, the gateway needs the platform CA",
    })
    void invalidValuesAreRejected(String key, String value, String message) {
        assertThatThrownBy(() -> HelmChart.render(Map.of(key, value)))
                .hasMessageContaining(message);
    }

    @Test
    void aTypoInANestedKeyIsRejected() {
        assertThatThrownBy(() -> HelmChart.render(HelmChart.values("invalid-nested-key.yaml")))
                .hasMessageContaining("agentServce");
    }

    private static Container container(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }
}
