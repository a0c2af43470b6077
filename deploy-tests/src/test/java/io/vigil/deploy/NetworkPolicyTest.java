package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Only what must talk, talks: each service's policy allows exactly its documented peers. */
class NetworkPolicyTest {

    private final Manifests defaults = Manifests.parse(HelmChart.render());
    private final Manifests production = Manifests.parse(HelmChart.render(HelmChart.values("production.yaml")));

    @Test
    void everyServiceIsIsolatedInBothDirections() {
        for (Component c : Component.ALL) {
            NetworkPolicy policy = defaults.get(NetworkPolicy.class, c.resourceName());
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                    .isEqualTo(ChartDefaultsTest.podLabelsSelectedBy(defaults.deployment(c.name())));
            // DNS and Kafka for everyone
            assertThat(egressPorts(policy)).contains(53, 9092, 9093);
            // PostgreSQL only for the services that own a database
            assertThat(egressPorts(policy).contains(5432)).as(c.name()).isEqualTo(c.database() != null);
        }
    }

    @Test
    void gatewayTakesAgentsAndCallsAgentsAndTheRegistryOnly() {
        NetworkPolicy gateway = production.get(NetworkPolicy.class, Component.GATEWAY.resourceName());
        NetworkPolicyIngressRule fromAgents = gateway.getSpec().getIngress().stream()
                .filter(r -> r.getPorts().stream().anyMatch(p -> "agent".equals(p.getPort().getStrVal())))
                .findFirst().orElseThrow();
        assertThat(fromAgents.getFrom()).extracting(p -> p.getIpBlock().getCidr())
                .containsExactly("10.0.0.0/8", "192.168.0.0/16");
        NetworkPolicyEgressRule toAgents = gateway.getSpec().getEgress().stream()
                .filter(r -> ports(r).contains(Component.AGENT_LISTENING_PORT)).findFirst().orElseThrow();
        assertThat(ports(toAgents)).containsExactly(4118, 4119);
        assertThat(toAgents.getTo()).extracting(p -> p.getIpBlock().getCidr())
                .containsExactly("10.0.0.0/8", "192.168.0.0/16");
        assertThat(egressToComponent(gateway, Component.REGISTRY)).containsExactly(9082);
        assertThat(egressToComponent(gateway, Component.POLICY)).isEmpty();
        // the console never reaches the gateway
        assertThat(gateway.getSpec().getIngress()).noneMatch(r -> r.getFrom().stream()
                .anyMatch(p -> p.getNamespaceSelector() != null && p.getNamespaceSelector().getMatchLabels()
                        .containsValue("ingress-nginx")));
    }

    @Test
    void internalApisAreReachableOnlyByTheirCallers() {
        NetworkPolicy registry = defaults.get(NetworkPolicy.class, Component.REGISTRY.resourceName());
        assertThat(ingressFromComponent(registry)).containsExactly(Component.GATEWAY.name());
        assertThat(ingressPortsFromComponent(registry)).containsExactly("internal");
        assertThat(egressToComponent(registry, Component.POLICY)).containsExactly(9081);
        NetworkPolicy policy = defaults.get(NetworkPolicy.class, Component.POLICY.resourceName());
        assertThat(ingressFromComponent(policy)).containsExactly(Component.REGISTRY.name());
        assertThat(ingressPortsFromComponent(policy)).containsExactly("internal");
        // nobody else (console ingress, Prometheus) may reach an internal port
        for (Component c : List.of(Component.REGISTRY, Component.POLICY)) {
            assertThat(defaults.get(NetworkPolicy.class, c.resourceName()).getSpec().getIngress())
                    .filteredOn(r -> r.getFrom().stream().anyMatch(p -> p.getNamespaceSelector() != null))
                    .allSatisfy(r -> assertThat(r.getPorts()).extracting(p -> p.getPort().getStrVal())
                            .containsExactly("http"));
        }
        NetworkPolicy alerts = defaults.get(NetworkPolicy.class, Component.ALERTS.resourceName());
        assertThat(ingressFromComponent(alerts)).isEmpty();
        for (Component console : List.of(Component.POLICY, Component.REGISTRY, Component.ALERTS)) {
            assertThat(defaults.get(NetworkPolicy.class, console.resourceName()).getSpec().getIngress())
                    .anyMatch(r -> r.getFrom().stream().anyMatch(p -> p.getNamespaceSelector() != null
                            && "ingress-nginx".equals(p.getNamespaceSelector().getMatchLabels()
                            .get("kubernetes.io/metadata.name"))));
        }
        NetworkPolicy siem = defaults.get(NetworkPolicy.class, Component.SIEM.resourceName());
        assertThat(siem.getSpec().getIngress()).hasSize(1);  // metrics only
    }

    @Test
    void siemForwarderReachesItsSyslogReceivers() {
        NetworkPolicy siem = production.get(NetworkPolicy.class, Component.SIEM.resourceName());
        assertThat(siem.getSpec().getEgress()).anySatisfy(r -> {
            assertThat(ports(r)).containsExactly(6514);
            assertThat(r.getTo()).extracting(p -> p.getIpBlock().getCidr()).containsExactly("10.50.0.10/32");
        });
        // Kafka restricted to the brokers' pods in production
        assertThat(siem.getSpec().getEgress()).anySatisfy(r -> {
            assertThat(ports(r)).containsExactly(9093);
            assertThat(r.getTo().getFirst().getPodSelector().getMatchLabels())
                    .containsEntry("strimzi.io/cluster", "prod-kafka");
        });
    }

    @Test
    void hookJobsGetTheirOwnPolicies() {
        assertThat(defaults.get(NetworkPolicy.class, "vigil-topics").getMetadata().getAnnotations())
                .containsEntry("helm.sh/hook", "pre-install,pre-upgrade");
        NetworkPolicy ca = defaults.get(NetworkPolicy.class, "vigil-ca-create");
        assertThat(ca.getSpec().getEgress()).anySatisfy(r -> assertThat(ports(r)).containsExactly(443, 6443));
        // the API server only, by default the private ranges: never the whole internet
        assertThat(ca.getSpec().getEgress()).filteredOn(r -> ports(r).contains(443)).singleElement()
                .satisfies(r -> assertThat(r.getTo()).extracting(p -> p.getIpBlock().getCidr())
                        .containsExactly("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"));
        assertThatThrownBy(() -> HelmChart.render(Map.of("networkPolicy.kubeApiServerCidrs[0]", "0.0.0.0/0")))
                .hasMessageContaining("kubeApiServerCidrs");
        assertThat(Manifests.parse(HelmChart.render(HelmChart.values("minimal.yaml")))
                .all(NetworkPolicy.class)).isEmpty();
    }

    static List<Integer> egressPorts(NetworkPolicy policy) {
        return policy.getSpec().getEgress().stream().flatMap(r -> ports(r).stream()).toList();
    }

    private static List<Integer> ports(NetworkPolicyEgressRule rule) {
        return rule.getPorts().stream().map(p -> p.getPort()).map(IntOrString::getIntVal).toList();
    }

    private static List<Integer> egressToComponent(NetworkPolicy policy, Component target) {
        return policy.getSpec().getEgress().stream()
                .filter(r -> r.getTo() != null && r.getTo().stream().anyMatch(p -> selects(p, target.name())))
                .flatMap(r -> ports(r).stream()).toList();
    }

    private static List<String> ingressPortsFromComponent(NetworkPolicy policy) {
        return policy.getSpec().getIngress().stream()
                .filter(r -> r.getFrom().stream().anyMatch(p -> p.getPodSelector() != null
                        && p.getNamespaceSelector() == null))
                .flatMap(r -> r.getPorts().stream()).map(p -> p.getPort().getStrVal()).toList();
    }

    private static List<String> ingressFromComponent(NetworkPolicy policy) {
        return policy.getSpec().getIngress().stream().flatMap(r -> r.getFrom().stream())
                .filter(p -> p.getPodSelector() != null && p.getNamespaceSelector() == null)
                .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/component")).toList();
    }

    private static boolean selects(NetworkPolicyPeer peer, String component) {
        Map<String, String> labels = peer.getPodSelector() == null ? Map.of()
                : peer.getPodSelector().getMatchLabels();
        return component.equals(labels.get("app.kubernetes.io/component"));
    }
}
