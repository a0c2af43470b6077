package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Service-to-service calls go to their own TLS port, never through the console Service or the ingress: agent-registry
 * and policy-service serve /internal on an internal port behind a Service of its own, with a service certificate of
 * the platform CA (issued by the CA Job) mounted; their callers are configured with https URLs of those Services. Also
 * the secrets rules: API keys only where /api is served, a rotated API-key Secret rolls the pods, Job
 * images pinned by digest when given.
 */
class InternalPortsTest {

    private final Manifests defaults = Manifests.parse(HelmChart.render(Map.of("ingress.enabled", true)));

    @Test
    void internalPortsHaveTheirOwnServices() {
        for (Component c : List.of(Component.REGISTRY, Component.POLICY)) {
            int internal = c == Component.REGISTRY ? 9082 : 9081;
            assertThat(defaults.service(c.resourceName()).getSpec().getPorts()).extracting(ServicePort::getName)
                    .containsExactly("http");
            Service service = defaults.service(c.resourceName() + "-internal");
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
                assertThat(p.getName()).isEqualTo("internal");
                assertThat(p.getPort()).isEqualTo(internal);
                assertThat(p.getTargetPort().getStrVal()).isEqualTo("internal");
            });
            assertThat(container(defaults.deployment(c.name())).getPorts())
                    .anySatisfy(p -> assertThat(p.getContainerPort()).isEqualTo(internal));
        }
        for (Component c : List.of(Component.GATEWAY, Component.ALERTS, Component.SIEM)) {
            assertThat(defaults.all(Service.class)).noneMatch(s -> s.getMetadata().getName()
                    .equals(c.resourceName() + "-internal"));
        }
        assertThat(defaults.all(Ingress.class)).isNotEmpty().allSatisfy(i -> assertThat(i.getSpec().getRules())
                .flatExtracting(r -> r.getHttp().getPaths())
                .extracting(HTTPIngressPath::getBackend).allSatisfy(b -> assertThat(b.getService().getName())
                        .doesNotEndWith("-internal")));
    }

    @Test
    void callersUseTheInternalServicesOverHttpsAndServersGetTheirCertificates() {
        assertThat(defaults.configMap(Component.GATEWAY.name()).getData())
                .containsEntry("VIGIL_GATEWAY_REGISTRY_URL", "https://vigil-agent-registry-internal:9082");
        assertThat(defaults.configMap(Component.REGISTRY.name()).getData())
                .containsEntry("VIGIL_REGISTRY_POLICY_SERVICE_URL", "https://vigil-policy-service-internal:9081");
        for (Component c : List.of(Component.REGISTRY, Component.POLICY)) {
            ConfigMap config = defaults.configMap(c.name());
            assertThat(config.getData())
                    .containsEntry("QUARKUS_HTTP_SSL_PORT", c == Component.REGISTRY ? "9082" : "9081")
                    .containsEntry("VIGIL_SERVICE_TLS_CERTIFICATE", "/etc/vigil/service-tls/tls.crt")
                    .containsEntry("VIGIL_SERVICE_TLS_KEY", "/etc/vigil/service-tls/tls.key")
                    .containsEntry("VIGIL_SERVICE_TLS_CA", "/etc/vigil/ca/ca.crt");
            PodSpec pod = defaults.deployment(c.name()).getSpec().getTemplate().getSpec();
            assertThat(ChartDefaultsTest.volume(pod, "service-tls").getSecret().getSecretName())
                    .isEqualTo(c.resourceName() + "-tls");
            assertThat(ChartDefaultsTest.volume(pod, "platform-ca").getSecret().getItems())
                    .extracting(i -> i.getKey()).containsExactly("ca.crt");
        }
        Job ca = defaults.get(Job.class, "vigil-ca-create");
        String script = container(ca.getSpec().getTemplate().getSpec()).getArgs().getFirst();
        assertThat(script).contains("subjectAltName=URI:urn:vigil:service:$1", "extendedKeyUsage=serverAuth,clientAuth",
                "issue_service agent-registry \"$REGISTRY_TLS_SECRET\"",
                "issue_service policy-service \"$POLICY_TLS_SECRET\"", "-checkend 2592000");
        assertThat(ChartDefaultsTest.env(container(ca.getSpec().getTemplate().getSpec()), "REGISTRY_TLS_SECRET")
                .getValue()).isEqualTo("vigil-agent-registry-tls");
        Role role = defaults.get(Role.class, "vigil-ca-create");
        assertThat(role.getRules()).filteredOn(r -> r.getVerbs().contains("delete")).singleElement()
                .extracting(PolicyRule::getResourceNames).asInstanceOf(
                        org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactly("vigil-agent-registry-tls", "vigil-policy-service-tls");
    }

    @Test
    void theApiKeysAreAFileOfTheConsoleServicesOnlySoARotatedSecretIsReadLive() {
        for (Component c : Component.ALL) {
            boolean console = c != Component.GATEWAY && c != Component.SIEM;
            assertThat(ChartDefaultsTest.apiKeysSecret(defaults, c)).as(c.name())
                    .isEqualTo(console ? "vigil-api-keys" : null);
            // a volume (updated in place by the kubelet), not an environment variable fixed at start
            assertThat(container(defaults.deployment(c.name())).getEnv())
                    .noneMatch(e -> e.getName().equals("VIGIL_API_KEYS"));
        }
    }

    @Test
    void jobImagesArePinnedByDigest() {
        String digest = "sha256:" + "ab".repeat(32);
        Manifests pinned = Manifests.parse(HelmChart.render(Map.of("ca.create.imageDigest", digest,
                "topics.job.imageDigest", digest)));
        assertThat(pinned.all(Job.class)).hasSize(2).allSatisfy(job -> assertThat(
                container(job.getSpec().getTemplate().getSpec()).getImage()).endsWith("@" + digest));
    }

    private static Container container(Deployment deployment) {
        return container(deployment.getSpec().getTemplate().getSpec());
    }

    private static Container container(PodSpec pod) {
        return ChartDefaultsTest.single(pod.getContainers());
    }
}
