package io.vigil.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/ is the chart rendered with default values, up to date, with a kustomization and a note. */
class DeployManifestsTest {

    @Test
    void manifestsAreUpToDateWithTheChart() throws IOException {
        String actual = Files.readString(DeployRendering.MANIFESTS);
        assertThat(actual).as("deploy/vigil.yaml is out of date: run deploy/render.sh")
                .isEqualTo(DeployRendering.expected());
        Manifests parsed = Manifests.parse(actual);
        assertThat(parsed.all(Deployment.class)).hasSize(Component.ALL.size());
        assertThat(parsed.objects()).extracting(HasMetadata::getKind).contains("Job", "NetworkPolicy", "Ingress");
    }

    @Test
    void kustomizationNamesTheManifestsAndTheReadmeSaysTheyAreGenerated() throws IOException {
        String kustomization = Files.readString(DeployRendering.DEPLOY.resolve("kustomization.yaml"));
        assertThat(kustomization).contains("kind: Kustomization").contains("- vigil.yaml")
                .contains("namespace: " + HelmChart.NAMESPACE);
        assertThat(Files.readString(DeployRendering.DEPLOY.resolve("README.md"))).contains("generated")
                .contains("deploy/render.sh");
        assertThat(DeployRendering.DEPLOY.resolve("render.sh")).isExecutable();
    }
}
