package io.vigil.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * deploy/: the chart rendered with its default values as plain manifests. {@link #main} regenerates it
 * (deploy/render.sh); DeployManifestsTest fails when it is out of date.
 */
public final class DeployRendering {

    public static final Path DEPLOY = HelmChart.ROOT.resolve("deploy");
    public static final Path MANIFESTS = DEPLOY.resolve("vigil.yaml");
    public static final String HEADER = """
            # GENERATED FILE, DO NOT EDIT: helm/vigil rendered with its default values (release "%s", namespace "%s",
            # Kubernetes %s), hooks included. Regenerate with deploy/render.sh after any change to the chart;
            # the deploy-tests module fails while this file is out of date.
            """.formatted(HelmChart.RELEASE, HelmChart.NAMESPACE, HelmChart.KUBE_VERSION);

    private DeployRendering() {
    }

    public static String expected() {
        return HEADER + HelmChart.render().strip() + "\n";
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(MANIFESTS, expected());
        System.out.println("wrote " + MANIFESTS);
    }
}
