package io.vigil.testkit.containers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.utility.DockerImageName;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The project's own OCI images (the five services, Kafka, PostgreSQL: built by deploy-tests' {@code images} profile
 * into {@code deploy-tests/target/images/<name>.tar}) in the container engine Testcontainers found. Nothing is ever
 * pulled: an image missing from the engine is loaded from its tarball and tagged {@code vigil-test/<name>:<id>} after
 * the first 12 hex digits of its image ID, so two builds never share a tag.
 */
public final class LocalImages {

    private static final Map<String, DockerImageName> LOADED = new HashMap<>();

    private LocalImages() {
    }

    /** The tarballs: {@code -Dvigil.images.dir}, else {@code <vigil.root>/deploy-tests/target/images}. */
    public static Path directory() {
        String dir = System.getProperty("vigil.images.dir");
        if (dir != null) {
            return Path.of(dir);
        }
        return Path.of(System.getProperty("vigil.root", "..")).resolve("deploy-tests/target/images").toAbsolutePath()
                .normalize();
    }

    /** The image {@code name} (e.g. {@code policy-service}, {@code kafka}), loaded into the engine if needed. */
    public static synchronized DockerImageName image(String name) {
        return LOADED.computeIfAbsent(name, LocalImages::ensureLoaded);
    }

    private static DockerImageName ensureLoaded(String name) {
        Path tar = directory().resolve(name + ".tar");
        String id = read(directory().resolve(name + ".id"));
        String tag = id.substring(id.indexOf(':') + 1).substring(0, 12);
        DockerImageName reference = DockerImageName.parse("vigil-test/" + name + ":" + tag);
        DockerClient docker = DockerClientFactory.instance().client();
        if (present(docker, reference.asCanonicalNameString())) {
            return reference;
        }
        long start = System.nanoTime();
        if (!present(docker, id)) {
            try (InputStream in = Files.newInputStream(tar)) {
                docker.loadImageCmd(in).exec();
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + tar + ": build it with -Pimages", e);
            }
        }
        if (!present(docker, id)) {
            throw new IllegalStateException("the engine has no image " + id + " after loading " + tar);
        }
        docker.tagImageCmd(id, "vigil-test/" + name, tag).exec();
        System.out.printf("container image %s loaded in %d ms as %s%n", name, (System.nanoTime() - start) / 1_000_000,
                reference.asCanonicalNameString());
        return reference;
    }

    private static boolean present(DockerClient docker, String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("no image " + file + ": build the images with -Pimages", e);
        }
    }
}
