package io.vigil.testkit.containers;

import com.github.dockerjava.api.model.Capability;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * A container of one of the project's images run the way the chart's pods run it: user and group 185, a read-only
 * root file system with a writable tmpfs {@code /tmp} (the pod's emptyDir), every capability dropped, no privilege
 * escalation; on the host network (Kubernetes networking is not emulated: ports are chosen free on the host, as the
 * tests do for processes). Never pulled ({@link LocalImages}); labelled {@code io.vigil.test=<run>} with the
 * {@code VIGIL_TEST_RUN} that {@code ./vigil test} sets ({@code manual} without it), so that it removes what a crashed
 * test JVM of its own run left and nothing of another run on the same engine; its output appended to a log file.
 */
public class PodContainer extends GenericContainer<PodContainer> {

    public static final String LABEL = "io.vigil.test";

    public PodContainer(String image, Path log) {
        super(LocalImages.image(image));
        withNetworkMode("host");
        withImagePullPolicy(name -> false);
        withLabel(LABEL, System.getenv().getOrDefault("VIGIL_TEST_RUN", "manual"));
        withTmpFs(Map.of("/tmp", "rw,exec,nosuid,nodev,size=1g"));
        withCreateContainerCmdModifier(create -> {
            create.withUser("185:185");
            create.getHostConfig().withReadonlyRootfs(true).withCapDrop(Capability.ALL)
                    .withSecurityOpts(java.util.List.of("no-new-privileges"));
        });
        withStartupTimeout(Duration.ofSeconds(180));
        withLogConsumer(new FileLog(log));
    }

    /** Sends a signal to the container's main process (e.g. {@code STOP}, {@code CONT}, {@code TERM}). */
    public void signal(String signal) {
        DockerClientFactory.instance().client().killContainerCmd(getContainerId()).withSignal(signal).exec();
    }

    /** Appends the container's stdout and stderr to a file (the system tests read service logs). */
    private static final class FileLog implements java.util.function.Consumer<OutputFrame> {
        private final Path file;

        FileLog(Path file) {
            this.file = file;
        }

        @Override
        public synchronized void accept(OutputFrame frame) {
            byte[] bytes = frame.getBytes();
            if (bytes == null) {
                return;
            }
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                out.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
