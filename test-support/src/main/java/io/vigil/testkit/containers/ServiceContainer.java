package io.vigil.testkit.containers;

import com.github.dockerjava.api.exception.NotModifiedException;
import org.testcontainers.DockerClientFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One Vigil service as a container of its image ({@code <service>.tar}), started like its Deployment's pod
 * ({@link PodContainer}) with the environment a test gives it. JVM options go to {@code JDK_JAVA_OPTIONS} (the image's
 * entrypoint takes no others). A value of the environment that names an existing host file or directory (a
 * certificate, the CA directory) is mounted read-only at that same path, like a Secret volume: a copy readable by the
 * container's user 185, which the host's own files (mode 0600, another owner) are not. Each {@link #start()} makes a
 * new container, as a restarted pod gets one.
 */
public final class ServiceContainer {

    private final String image;
    private final String name;
    private final List<String> jvmOptions;
    private final Map<String, String> environment;
    private final Path log;
    private PodContainer container;

    public ServiceContainer(String image, String name, List<String> jvmOptions, Map<String, String> environment,
                            Path log) {
        this.image = image;
        this.name = name;
        this.jvmOptions = jvmOptions;
        this.environment = environment;
        this.log = log;
    }

    /** Creates and starts the container without waiting for readiness (the caller polls its probe). */
    public ServiceContainer start() {
        PodContainer next = new PodContainer(image, log).withEnv(environment)
                .withEnv("JDK_JAVA_OPTIONS", String.join(" ", jvmOptions)).waitingFor(new WhenStarted());
        mountFilesNamedIn(next);
        next.start();
        container = next;
        return this;
    }

    private void mountFilesNamedIn(PodContainer target) {
        Path files = log.resolveSibling(name + "-files-" + System.nanoTime());
        environment.values().stream().filter(v -> v.startsWith("/")).map(Path::of).filter(Files::exists).distinct()
                .forEach(path -> target.withReadOnlyMount(readableCopy(path, files.resolve(path.toString().substring(1))),
                        path.toString()));
    }

    private static Path readableCopy(Path source, Path copy) {
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path from : tree.toList()) {
                Path to = copy.resolve(source.relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("could not stage " + source + " for the container", e);
        }
    }

    /** SIGTERM to the service without waiting (a graceful stop of the whole platform signals everyone first). */
    public void signalStop() {
        if (alive()) {
            try {
                container.signal("TERM");
            } catch (NotModifiedException | com.github.dockerjava.api.exception.ConflictException gone) {
                // it exited meanwhile
            }
        }
    }

    /** A graceful stop as the kubelet does it: SIGTERM, SIGKILL after 30 s; then the container is removed. */
    public void stop() {
        if (container == null) {
            return;
        }
        if (alive()) {
            try {
                DockerClientFactory.instance().client().stopContainerCmd(container.getContainerId()).withTimeout(30)
                        .exec();
            } catch (NotModifiedException alreadyStopped) {
                // exited on its own
            }
        }
        remove();
    }

    /** SIGKILL without warning, as a crash (or an OOM kill) would; then the container is removed. */
    public void kill() {
        if (container == null) {
            return;
        }
        if (alive()) {
            container.signal("KILL");
        }
        remove();
    }

    private void remove() {
        container.stop();
        container = null;
    }

    public boolean alive() {
        return container != null && container.isRunning();
    }

    public String name() {
        return name;
    }
}
