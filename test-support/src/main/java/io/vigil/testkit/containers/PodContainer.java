package io.vigil.testkit.containers;

import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container of one of the project's images run the way the chart's pods run it: user and group 185, a read-only
 * root file system with a writable tmpfs {@code /tmp} (the pod's emptyDir), every capability dropped, no privilege
 * escalation; on the host network (Kubernetes networking is not emulated: ports are chosen free on the host, as the
 * tests do for processes). Never pulled ({@link LocalImages}); labelled {@code io.vigil.test=<run>} with the
 * {@code VIGIL_TEST_RUN} that {@code ./vigil test} sets ({@code manual} without it), so that it removes what a crashed
 * test JVM of its own run left and nothing of another run on the same engine; its output appended to a log file.
 * A rendered Deployment can set the rest of its pod: user and groups, further emptyDirs, read-only directories
 * (Secret volumes), host names on loopback (the cluster's Services), memory and CPU limits.
 */
public class PodContainer extends GenericContainer<PodContainer> {

    public static final String LABEL = "io.vigil.test";
    private static final String TMPFS_OPTIONS = "rw,exec,nosuid,nodev";

    private String user = "185:185";
    private final List<String> groups = new ArrayList<>();
    private boolean readOnlyRoot = true;
    private final Map<String, String> emptyDirs = new LinkedHashMap<>(Map.of("/tmp", TMPFS_OPTIONS + ",size=1g"));
    private final List<Bind> readOnlyDirectories = new ArrayList<>();
    private final List<String> loopbackNames = new ArrayList<>();
    private Long memoryBytes;
    private Long nanoCpus;

    public PodContainer(String image, Path log) {
        super(LocalImages.image(image));
        withNetworkMode("host");
        withImagePullPolicy(name -> false);
        withLabel(LABEL, System.getenv().getOrDefault("VIGIL_TEST_RUN", "manual"));
        // Testcontainers' own file-system binds first check that the engine can mount host files by running a
        // container of an image it would pull: every pod setting goes on the create command itself
        withCreateContainerCmdModifier(this::applyPodSettings);
        withStartupTimeout(Duration.ofSeconds(180));
        withLogConsumer(new FileLog(log));
    }

    /** runAsUser, runAsGroup and supplementary groups (fsGroup) of the pod's security context. */
    public PodContainer asUser(long uid, long gid, List<Long> supplementaryGroups) {
        user = uid + ":" + gid;
        groups.clear();
        supplementaryGroups.forEach(g -> groups.add(Long.toString(g)));
        return this;
    }

    public PodContainer withReadOnlyRoot(boolean readOnly) {
        readOnlyRoot = readOnly;
        return this;
    }

    /** A writable tmpfs at {@code mountPath}, as an emptyDir; {@code sizeBytes} null for the engine's default. */
    public PodContainer withEmptyDir(String mountPath, Long sizeBytes) {
        emptyDirs.put(mountPath, TMPFS_OPTIONS + (sizeBytes == null ? "" : ",size=" + sizeBytes));
        return this;
    }

    /** The host directory or file read-only at {@code mountPath}, as a Secret volume is mounted. */
    public PodContainer withReadOnlyMount(Path host, String mountPath) {
        readOnlyDirectories.add(new Bind(host.toAbsolutePath().toString(), new Volume(mountPath), AccessMode.ro));
        return this;
    }

    /** Names that resolve to 127.0.0.1 inside the container (its {@code /etc/hosts}), e.g. the cluster's Services. */
    public PodContainer withLoopbackNames(List<String> names) {
        loopbackNames.addAll(names);
        return this;
    }

    /** The container's resource limits, enforced by the engine's cgroup as the kubelet's are. */
    public PodContainer withLimits(long memory, Long nanoCpus) {
        this.memoryBytes = memory;
        this.nanoCpus = nanoCpus;
        return this;
    }

    private void applyPodSettings(CreateContainerCmd create) {
        create.withUser(user);
        HostConfig host = create.getHostConfig();
        host.withReadonlyRootfs(readOnlyRoot).withCapDrop(Capability.ALL).withSecurityOpts(List.of("no-new-privileges"))
                .withTmpFs(Map.copyOf(emptyDirs));
        if (!groups.isEmpty()) {
            host.withGroupAdd(List.copyOf(groups));
        }
        if (!readOnlyDirectories.isEmpty()) {
            host.withBinds(List.copyOf(readOnlyDirectories));
        }
        if (!loopbackNames.isEmpty()) {
            host.withExtraHosts(loopbackNames.stream().map(name -> name + ":127.0.0.1").toArray(String[]::new));
        }
        if (memoryBytes != null) {
            host.withMemory(memoryBytes);
        }
        if (nanoCpus != null) {
            host.withNanoCPUs(nanoCpus);
        }
    }

    /** Sends a signal to the container's main process (e.g. {@code STOP}, {@code CONT}, {@code TERM}). */
    public void signal(String signal) {
        DockerClientFactory.instance().client().killContainerCmd(getContainerId()).withSignal(signal).exec();
    }

    /** The host's process ID of the container's main process (engines that share the host's kernel). */
    public long mainProcessId() {
        Long pid = getCurrentContainerInfo().getState().getPidLong();
        if (pid == null || pid <= 0) {
            throw new IllegalStateException("the engine names no process for container " + getContainerId());
        }
        return pid;
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
