package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart rendered with its default values: what every production install gets. */
class ChartDefaultsTest {

    private final Manifests manifests = Manifests.parse(HelmChart.render());

    @Test
    void lintPassesStrictly() {
        var result = HelmChart.lint();
        assertThat(result.isFailed()).as(result.getMessages().toString()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void rendersOneDeploymentServiceConfigMapAndPdbPerService() {
        for (Component c : Component.ALL) {
            assertThat(manifests.deployment(c.name())).isNotNull();
            assertThat(manifests.service(c.resourceName())).isNotNull();
            assertThat(manifests.configMap(c.name())).isNotNull();
            assertThat(manifests.get(PodDisruptionBudget.class, c.resourceName()).getSpec().getSelector()
                    .getMatchLabels()).isEqualTo(podLabelsSelectedBy(manifests.deployment(c.name())));
        }
        assertThat(manifests.all(Deployment.class)).hasSize(Component.ALL.size());
    }

    @Test
    void podsRunWithTheSecureDefaults() {
        for (Component c : Component.ALL) {
            PodSpec pod = manifests.deployment(c.name()).getSpec().getTemplate().getSpec();
            assertThat(pod.getAutomountServiceAccountToken()).as(c.name()).isFalse();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            Container container = single(pod.getContainers());
            var sc = container.getSecurityContext();
            assertThat(sc.getReadOnlyRootFilesystem()).as(c.name()).isTrue();
            assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
            assertThat(sc.getPrivileged()).isFalse();
            assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
            assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
            // the only writable place: /tmp on an emptyDir
            assertThat(container.getVolumeMounts()).anySatisfy(m -> {
                assertThat(m.getMountPath()).isEqualTo("/tmp");
                assertThat(volume(pod, m.getName()).getEmptyDir()).isNotNull();
            });
            assertThat(container.getVolumeMounts()).filteredOn(m -> !m.getMountPath().equals("/tmp"))
                    .allSatisfy(m -> assertThat(m.getReadOnly()).isTrue());
        }
    }

    @Test
    void containerPortsAreTheServicesPortsAndProbesUseThem() {
        for (Component c : Component.ALL) {
            Container container = single(manifests.deployment(c.name()).getSpec().getTemplate().getSpec()
                    .getContainers());
            assertThat(port(container, "http").getContainerPort()).as(c.name()).isEqualTo(c.httpPort());
            assertProbe(container.getLivenessProbe(), "/q/health/live", container, c.httpPort());
            assertProbe(container.getReadinessProbe(), "/q/health/ready", container, c.httpPort());
            assertProbe(container.getStartupProbe(), "/q/health/started", container, c.httpPort());
            ConfigMap config = manifests.configMap(c.name());
            if (c == Component.GATEWAY) {
                assertThat(port(container, "agent").getContainerPort()).isEqualTo(Component.AGENT_PORT);
                assertThat(config.getData()).containsEntry("QUARKUS_MANAGEMENT_PORT", "8080")
                        .containsEntry("QUARKUS_HTTP_SSL_PORT", "4120");
            } else {
                assertThat(config.getData()).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(c.httpPort()));
            }
        }
    }

    @Test
    void resourcesHaveRequestsAndLimits() {
        for (Component c : Component.ALL) {
            var resources = single(manifests.deployment(c.name()).getSpec().getTemplate().getSpec()
                    .getContainers()).getResources();
            assertThat(resources.getRequests()).as(c.name()).containsKeys("cpu", "memory");
            assertThat(resources.getLimits()).as(c.name()).containsKeys("cpu", "memory");
        }
    }

    @Test
    void servicesSelectTheirPodsAndTargetDeclaredPorts() {
        for (Component c : Component.ALL) {
            Deployment deployment = manifests.deployment(c.name());
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(podLabelsSelectedBy(deployment));
            Service service = manifests.service(c.resourceName());
            assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getSelector()).containsEntry("app.kubernetes.io/component", c.name());
            ServicePort http = single(service.getSpec().getPorts());
            assertThat(http.getPort()).isEqualTo(c.httpPort());
            assertThat(http.getTargetPort().getStrVal()).isEqualTo("http");
        }
        // selectors never overlap: each service selects exactly one deployment's pods
        for (Component c : Component.ALL) {
            Map<String, String> selector = manifests.service(c.resourceName()).getSpec().getSelector();
            assertThat(manifests.all(Deployment.class)).filteredOn(d -> d.getSpec().getTemplate().getMetadata()
                    .getLabels().entrySet().containsAll(selector.entrySet())).hasSize(1);
        }
    }

    @Test
    void agentPortIsAPassThroughLoadBalancerKeepingTheClientAddress() {
        Service agents = manifests.service(Component.GATEWAY.resourceName() + "-agents");
        assertThat(agents.getSpec().getType()).isEqualTo("LoadBalancer");
        assertThat(agents.getSpec().getExternalTrafficPolicy()).isEqualTo("Local");
        ServicePort port = single(agents.getSpec().getPorts());
        assertThat(port.getPort()).isEqualTo(Component.AGENT_PORT);
        assertThat(port.getProtocol()).isEqualTo("TCP");
        assertThat(port.getTargetPort().getStrVal()).isEqualTo("agent");
        assertThat(manifests.deployment(Component.GATEWAY.name()).getSpec().getTemplate().getMetadata()
                .getLabels()).containsAllEntriesOf(agents.getSpec().getSelector());
    }

    @Test
    void gatewayDrainsBeforeItStops() {
        PodSpec pod = manifests.deployment(Component.GATEWAY.name()).getSpec().getTemplate().getSpec();
        Container container = single(pod.getContainers());
        long sleep = container.getLifecycle().getPreStop().getSleep().getSeconds();
        assertThat(sleep).isPositive();
        assertThat(pod.getTerminationGracePeriodSeconds()).isGreaterThan(sleep + 30);
        assertThat(manifests.configMap(Component.GATEWAY.name()).getData())
                .containsEntry("QUARKUS_SHUTDOWN_TIMEOUT", "30s");
        assertThat(manifests.deployment(Component.GATEWAY.name()).getSpec().getStrategy().getRollingUpdate()
                .getMaxUnavailable().getIntVal()).isZero();
    }

    @Test
    void secretsAreReferencedNeverRendered() {
        assertThat(manifests.all(Secret.class)).isEmpty();
        for (Component c : Component.ALL) {
            Container container = single(manifests.deployment(c.name()).getSpec().getTemplate().getSpec()
                    .getContainers());
            // the console API keys only where /api is served
            boolean console = c != Component.GATEWAY && c != Component.SIEM;
            assertThat(apiKeysSecret(manifests, c)).as(c.name()).isEqualTo(console ? "vigil-api-keys" : null);
            assertThat(env(container, "VIGIL_API_KEYS")).as(c.name()).isNull();
            if (c.database() != null) {
                assertThat(manifests.configMap(c.name()).getData())
                        .containsKey("VIGIL_DB_" + c.database() + "_JDBC_URL");
                // agent-registry uses JDBC only: a reactive URL would be a setting nobody reads
                if (c == Component.REGISTRY) {
                    assertThat(manifests.configMap(c.name()).getData()).doesNotContainKeys(
                            "VIGIL_DB_REGISTRY_REACTIVE_URL", "QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL");
                } else {
                    assertThat(manifests.configMap(c.name()).getData())
                            .containsEntry("VIGIL_DB_" + c.database() + "_REACTIVE_URL", "postgresql://vigil-postgresql:5432/"
                                    + c.database().toLowerCase() + "?sslmode=require")
                            .containsEntry("QUARKUS_DATASOURCE_REACTIVE_TRUST_ALL", "true");
                }
            } else {
                assertThat(env(container, "VIGIL_DB_USER")).isNull();
                assertThat(env(container, "VIGIL_DB_PASSWORD")).isNull();
            }
            // no secret value in any ConfigMap
            assertThat(manifests.configMap(c.name()).getData().keySet())
                    .noneMatch(k -> k.contains("PASSWORD") || k.equals("VIGIL_API_KEYS") || k.contains("JAAS"));
        }
    }

    @Test
    void everyServiceReadsItsOwnDatabaseLoginAndItsOwnKafkaUser() {
        for (Component c : Component.ALL) {
            Container container = single(manifests.deployment(c.name()).getSpec().getTemplate().getSpec()
                    .getContainers());
            // the whole JAAS configuration from the service's own Secret, in the layout of a Strimzi user Secret
            SecretKeySelector jaas = secretKey(container, "KAFKA_SASL_JAAS_CONFIG");
            assertThat(jaas.getName()).as(c.name()).isEqualTo(c.name());
            assertThat(jaas.getKey()).isEqualTo("sasl.jaas.config");
            if (c.database() != null) {
                String secret = "vigil-db-" + c.name();
                assertThat(secretKey(container, "VIGIL_DB_USER")).isEqualTo(new SecretKeySelector("username", secret, null));
                assertThat(secretKey(container, "VIGIL_DB_PASSWORD"))
                        .isEqualTo(new SecretKeySelector("password", secret, null));
            }
        }
        assertNoSecretKeyShared(manifests);
    }

    /**
     * No two services read the same key of the same Secret, except the console API keys, which every service must
     * accept alike.
     */
    static void assertNoSecretKeyShared(Manifests m) {
        Map<String, String> readers = new HashMap<>();
        for (Deployment d : m.all(Deployment.class)) {
            for (EnvVar var : single(d.getSpec().getTemplate().getSpec().getContainers()).getEnv()) {
                if (var.getValueFrom() == null || var.getValueFrom().getSecretKeyRef() == null
                        || var.getName().equals("VIGIL_API_KEYS")) {
                    continue;
                }
                SecretKeySelector ref = var.getValueFrom().getSecretKeyRef();
                String previous = readers.put(ref.getName() + "/" + ref.getKey(), d.getMetadata().getName());
                assertThat(previous).as("%s/%s read by %s and %s", ref.getName(), ref.getKey(), previous,
                        d.getMetadata().getName()).isNull();
            }
        }
        assertThat(readers).isNotEmpty();
    }

    @Test
    void noJvmOptionIsPassedToAnyServiceByDefault() {
        // the gateway prepares its own TLS settings; nothing (chart, image) passes -Djava.security.properties
        for (Deployment d : manifests.all(Deployment.class)) {
            Container container = single(d.getSpec().getTemplate().getSpec().getContainers());
            assertThat(container.getCommand()).as(d.getMetadata().getName()).isNullOrEmpty();
            assertThat(container.getArgs()).isNullOrEmpty();
            assertThat(container.getEnv()).extracting(EnvVar::getName)
                    .doesNotContain("JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS", "_JAVA_OPTIONS", "JAVA_OPTS");
        }
        assertThat(HelmChart.render()).doesNotContain("java.security");
    }

    @Test
    void platformCaKeyReachesTheGatewayOnlyAndTheRegistryGetsTheCertificate() {
        Volume gateway = volume(manifests.deployment(Component.GATEWAY.name()).getSpec().getTemplate().getSpec(),
                "platform-ca");
        assertThat(gateway.getSecret().getSecretName()).isEqualTo("vigil-ca");
        assertThat(gateway.getSecret().getItems()).extracting(i -> i.getKey()).containsExactly("ca.crt", "ca.key");
        assertThat(manifests.configMap(Component.GATEWAY.name()).getData())
                .containsEntry("VIGIL_GATEWAY_CA_DIR", "/etc/vigil/ca")
                .containsEntry("VIGIL_GATEWAY_TLS_MODE", "default")
                .containsEntry("VIGIL_GATEWAY_AGENTS_NETWORKS", "0.0.0.0/0")
                .containsEntry("VIGIL_GATEWAY_REGISTRY_URL", "https://vigil-agent-registry-internal:9082");
        Volume registry = volume(manifests.deployment(Component.REGISTRY.name()).getSpec().getTemplate().getSpec(),
                "platform-ca");
        assertThat(registry.getSecret().getItems()).extracting(i -> i.getKey()).containsExactly("ca.crt");
        assertThat(manifests.configMap(Component.REGISTRY.name()).getData())
                .containsEntry("VIGIL_REGISTRY_CA_CERTIFICATE", "/etc/vigil/ca/ca.crt")
                .containsEntry("VIGIL_REGISTRY_POLICY_SERVICE_URL", "https://vigil-policy-service-internal:9081");
        // policy-service trusts the CA for its internal port's client certificates: the certificate only
        Volume policy = volume(manifests.deployment(Component.POLICY.name()).getSpec().getTemplate().getSpec(),
                "platform-ca");
        assertThat(policy.getSecret().getItems()).extracting(i -> i.getKey()).containsExactly("ca.crt");
        for (Component c : List.of(Component.ALERTS, Component.SIEM)) {
            assertThat(manifests.deployment(c.name()).getSpec().getTemplate().getSpec().getVolumes())
                    .noneMatch(v -> v.getSecret() != null && "vigil-ca".equals(v.getSecret().getSecretName()));
        }
    }

    @Test
    void podsRollWhenTheirConfigurationChanges() {
        String before = checksum(manifests);
        Manifests changed = Manifests.parse(HelmChart.render(Map.of("heartbeatGateway.tlsMode", "strong")));
        assertThat(checksum(changed)).isNotEqualTo(before);
        assertThat(changed.configMap(Component.GATEWAY.name()).getData())
                .containsEntry("VIGIL_GATEWAY_TLS_MODE", "strong");
    }

    private static String checksum(Manifests m) {
        return m.deployment(Component.GATEWAY.name()).getSpec().getTemplate().getMetadata().getAnnotations()
                .get("checksum/config");
    }

    static Map<String, String> podLabelsSelectedBy(Deployment deployment) {
        return deployment.getSpec().getSelector().getMatchLabels();
    }

    private static void assertProbe(Probe probe, String path, Container container, int port) {
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        var target = probe.getHttpGet().getPort();
        int resolved = target.getStrVal() != null ? port(container, target.getStrVal()).getContainerPort()
                : target.getIntVal();
        assertThat(resolved).as(container.getName() + " " + path).isEqualTo(port);
    }

    static ContainerPort port(Container container, String name) {
        return container.getPorts().stream().filter(p -> p.getName().equals(name)).findFirst().orElseThrow();
    }

    /**
     * The Secret whose file the component reads its console API keys from ({@code VIGIL_API_KEYS_FILE}), or null when
     * it gets none.
     */
    static String apiKeysSecret(Manifests m, Component c) {
        PodSpec pod = m.deployment(c.name()).getSpec().getTemplate().getSpec();
        String file = m.configMap(c.name()).getData().get("VIGIL_API_KEYS_FILE");
        boolean mounted = pod.getVolumes().stream().anyMatch(v -> v.getName().equals("api-keys"));
        assertThat(file != null).as(c.name() + ": file and volume together").isEqualTo(mounted);
        if (file == null) {
            return null;
        }
        assertThat(file).isEqualTo("/etc/vigil/api-keys/" + volume(pod, "api-keys").getSecret().getItems().getFirst()
                .getPath());
        return volume(pod, "api-keys").getSecret().getSecretName();
    }

    static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst().orElseThrow();
    }

    static EnvVar env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst().orElse(null);
    }

    static String secretRef(Container container, String name) {
        return secretKey(container, name).getName();
    }

    static SecretKeySelector secretKey(Container container, String name) {
        EnvVar var = env(container, name);
        assertThat(var).as(name).isNotNull();
        return var.getValueFrom().getSecretKeyRef();
    }

    static <T> T single(List<T> list) {
        assertThat(list).hasSize(1);
        return list.getFirst();
    }
}
