package io.vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OCI image tarballs that {@code -Pimages} builds with Jib (no Docker daemon): configuration (user,
 * entrypoint, exposed ports) and file system, read from the tarball itself.
 */
class ImageTarballIT {

    static final Path IMAGES = Path.of(System.getProperty("vigil.images.dir", "target/images"));
    static final List<Component> COMPONENTS = Component.ALL;

    static OciImage image(Component c) throws IOException {
        Path tarball = IMAGES.resolve(c.name() + ".tar");
        assertThat(tarball).as("image tarball of %s", c.name()).isRegularFile();
        return OciImage.read(tarball);
    }

    @ParameterizedTest
    @FieldSource("COMPONENTS")
    void configurationRunsTheFastJarAsUser185WithHeapFromTheContainerLimit(Component c) throws IOException {
        OciImage image = image(c);
        assertThat(image.imageConfig().get("os").asText()).isEqualTo("linux");
        assertThat(image.imageConfig().get("architecture").asText()).isEqualTo("amd64");
        JsonNode config = image.containerConfig();
        assertThat(config.get("User").asText()).isEqualTo("185:185");
        assertThat(config.get("WorkingDir").asText()).isEqualTo("/deployments");
        List<String> entrypoint = strings(config.get("Entrypoint"));
        assertThat(entrypoint.getFirst()).isEqualTo("/opt/java/openjdk/bin/java");
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=/tmp");
        assertThat(entrypoint.subList(entrypoint.size() - 2, entrypoint.size()))
                .containsExactly("-jar", "/deployments/quarkus-run.jar");
        assertThat(entrypoint).noneMatch(a -> a.startsWith("-Xmx"));
        // the gateway prepares its own TLS settings: no image passes java.security or TLS flags
        assertThat(entrypoint).noneMatch(a -> a.contains("java.security") || a.startsWith("-Djdk.tls"));
        Set<String> ports = new HashSet<>();
        config.get("ExposedPorts").fieldNames().forEachRemaining(ports::add);
        Set<String> expected = new HashSet<>(Set.of(c.httpPort() + "/tcp"));
        if (c == Component.GATEWAY) {
            expected.add(Component.AGENT_PORT + "/tcp");
        }
        assertThat(ports).isEqualTo(expected);
        assertThat(config.get("Env").toString()).contains("JAVA_HOME=/opt/java/openjdk");
    }

    @ParameterizedTest
    @FieldSource("COMPONENTS")
    void fileSystemHoldsRuntimeAndAppAndNothingTheServiceUserCouldWrite(Component c) throws IOException {
        Map<String, OciImage.Entry> fs = image(c).fileSystem();
        assertThat(fs.get("/opt/java/openjdk/bin/java").mode()).isEqualTo(0755);
        assertThat(fs).containsKeys("/lib64/ld-linux-x86-64.so.2", "/lib/x86_64-linux-gnu/libc.so.6",
                "/opt/java/openjdk/lib/server/libjvm.so", "/opt/java/openjdk/lib/security/cacerts",
                "/deployments/quarkus-run.jar", "/deployments/quarkus/quarkus-application.dat", "/tmp");
        assertThat(fs.keySet()).anyMatch(p -> p.startsWith("/deployments/lib/main/"))
                .anyMatch(p -> p.startsWith("/deployments/app/"));
        String passwd = new String(fs.get("/etc/passwd").content(), StandardCharsets.UTF_8);
        assertThat(passwd).contains("vigil:x:185:185:");
        // the mount point of the writable volume: a tmpfs there (podman, Docker with runc) takes this directory's mode
        assertThat(fs.get("/tmp").mode() & 0777).isEqualTo(0777);
        // read-only root file system: everything belongs to root and nothing is writable by group or others
        List<String> writable = new ArrayList<>();
        fs.values().forEach(e -> {
            if (!e.path().equals("/tmp") && (e.uid() != 0 || e.gid() != 0 || (e.mode() & 022) != 0)) {
                writable.add(e.path() + " " + Integer.toOctalString(e.mode()) + " " + e.uid());
            }
        });
        assertThat(writable).isEmpty();
    }

    @Test
    void allImagesShareTheBaseLayer() throws IOException {
        Set<String> bases = new HashSet<>();
        for (Component c : COMPONENTS) {
            List<String> layers = image(c).layerDigests();
            assertThat(layers).hasSizeGreaterThanOrEqualTo(4);
            bases.add(layers.get(1));  // after Jib's small "jvm arg files" layer: the runtime base
        }
        assertThat(bases).hasSize(1);
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asText()));
        return list;
    }
}
