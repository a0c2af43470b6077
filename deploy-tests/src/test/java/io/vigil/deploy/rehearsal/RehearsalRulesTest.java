package io.vigil.deploy.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.vigil.deploy.ContainerEnvironment;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules the rehearsal emulates, without images: Kubernetes' command and env rules, SmallRye's env names, a
 * container's user through its user namespace.
 */
class RehearsalRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode image() throws Exception {
        return JSON.readTree("{\"Entrypoint\": [\"/bin/java\", \"-jar\", \"app.jar\"], \"Cmd\": [\"serve\"]}");
    }

    @Test
    void commandReplacesTheEntrypointAndDropsCmdArgsReplaceCmd() throws Exception {
        assertThat(ContainerCommand.of(new ContainerBuilder().build(), image()))
                .containsExactly("/bin/java", "-jar", "app.jar", "serve");
        assertThat(ContainerCommand.of(new ContainerBuilder().withArgs("init").build(), image()))
                .containsExactly("/bin/java", "-jar", "app.jar", "init");
        assertThat(ContainerCommand.of(new ContainerBuilder().withCommand("/bin/sh", "-ec").build(), image()))
                .containsExactly("/bin/sh", "-ec");
        assertThat(ContainerCommand.of(new ContainerBuilder().withCommand("/bin/sh").withArgs("-c", "x").build(), image()))
                .containsExactly("/bin/sh", "-c", "x");
    }

    @Test
    void theKubeletResolvesEnvFromThenEnvWithReferencesAndRefusesMissingKeys() {
        Container container = new ContainerBuilder()
                .addNewEnvFrom().withNewConfigMapRef().withName("cm").endConfigMapRef().endEnvFrom()
                .addNewEnv().withName("A").withValue("override").endEnv()
                .addNewEnv().withName("C").withValue("$(A)-$(B)-$(UNSET)").endEnv()
                .addNewEnv().withName("S").withNewValueFrom().withNewSecretKeyRef("k", "sec", false)
                .endValueFrom().endEnv()
                .addNewEnv().withName("NS").withNewValueFrom().withNewFieldRef().withFieldPath("metadata.namespace")
                .endFieldRef().endValueFrom().endEnv()
                .build();
        ContainerEnvironment.ClusterData data = data(Map.of("A", "a", "B", "b"), Map.of("k", "secret"));
        assertThat(ContainerEnvironment.resolve(container, "pod", data)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "A", "override", "B", "b", "C", "override-b-$(UNSET)", "S", "secret", "NS", "ns"));
        assertThatThrownBy(() -> ContainerEnvironment.resolve(container, "pod", data(Map.of(), Map.of("other", "x"))))
                .hasMessageContaining("Secret sec has no key k");
    }

    @Test
    void environmentNamesFollowSmallRyesRuleWithMapKeysAndIndexesAsWildcards() {
        assertThat(DeclaredConfig.envPattern("quarkus.http.ssl-port").matcher("QUARKUS_HTTP_SSL_PORT").matches()).isTrue();
        assertThat(DeclaredConfig.envPattern("quarkus.http.ssl-port").matcher("QUARKUS_HTTP_SSL_PROT").matches()).isFalse();
        assertThat(DeclaredConfig.envPattern("quarkus.tls.\"tls-configuration-name\".key-store.pem.\"certificates\".cert")
                .matcher("QUARKUS_TLS_AGENT_PORT_KEY_STORE_PEM_MAIN_CERT").matches()).isTrue();
        assertThat(DeclaredConfig.envPattern("vigil.siem.receivers[*].url").matcher("VIGIL_SIEM_RECEIVERS_0_URL")
                .matches()).isTrue();
        assertThat(ConfigMappings.kebab("caDir")).isEqualTo("ca-dir");
        assertThat(ConfigMappings.kebab("groupId")).isEqualTo("group-id");
    }

    @Test
    void aContainersUserIsTheHostsIdThroughItsUserNamespaceMap() {
        String status = "Name:\tjava\nUid:\t185\t185\t185\t185\nGid:\t100184\t100184\t100184\t100184\n";
        assertThat(ProcessIdentity.inContainer(status, "Uid", "         0          0 4294967295\n")).isEqualTo(185);
        assertThat(ProcessIdentity.inContainer(status, "Gid", "0 1000 1\n1 100000 65536\n")).isEqualTo(185);
        assertThatThrownBy(() -> ProcessIdentity.inContainer(status, "Gid", "0 1000 1\n"))
                .hasMessageContaining("not mapped");
    }

    private static ContainerEnvironment.ClusterData data(Map<String, String> configMap, Map<String, String> secret) {
        return new ContainerEnvironment.ClusterData() {
            @Override
            public Map<String, String> configMap(String name) {
                return name.equals("cm") ? configMap : null;
            }

            @Override
            public Map<String, String> secret(String name) {
                return name.equals("sec") ? secret : null;
            }

            @Override
            public String namespace() {
                return "ns";
            }
        };
    }
}
