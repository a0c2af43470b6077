package io.vigil.deploy.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.vigil.deploy.ContainerEnvironment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs the first container of a rendered Deployment from its unpacked image the way a container runtime would, with
 * bubblewrap and no root: the image's root file system read-only ({@code readOnlyRootFilesystem}), a fresh tmpfs for
 * each emptyDir mount, each Secret volume as a read-only directory of its items (with their modes) at its mountPath,
 * the user and group of the security context in a user namespace, no capabilities, own PID, IPC and UTS namespaces
 * (host name = the pod name), the host network, an {@code /etc/hosts} naming the cluster's Services. Command and
 * arguments follow Kubernetes' rules over the image's Entrypoint and Cmd; the environment is the image's, then what
 * the kubelet resolves ({@link ContainerEnvironment}), plus the JVM's view of the container limits.
 */
final class PodSandbox {

    private PodSandbox() {
    }

    /** What was started: the process and everything it was given. */
    record Pod(String name, Process process, Map<String, String> environment, List<String> command, Path log) {
    }

    static Pod start(Deployment deployment, JsonNode imageConfig, Path rootfs, Cluster cluster, Path hosts,
                     Path podDir, Path log) {
        String name = deployment.getMetadata().getName();
        PodSpec spec = deployment.getSpec().getTemplate().getSpec();
        Container container = spec.getContainers().getFirst();
        Map<String, String> kubelet = ContainerEnvironment.resolve(container, name, cluster);
        Map<String, String> env = new java.util.LinkedHashMap<>();
        imageConfig.path("Env").forEach(e -> {
            String[] kv = e.asText().split("=", 2);
            env.put(kv[0], kv[1]);
        });
        env.putAll(kubelet);
        env.put("JAVA_TOOL_OPTIONS", ContainerLimits.jvmOptions(container));

        List<String> bwrap = new ArrayList<>(List.of("bwrap", "--die-with-parent", "--unshare-user", "--unshare-pid",
                "--unshare-ipc", "--unshare-uts", "--hostname", name,
                "--uid", Long.toString(runAs(spec, container, true)),
                "--gid", Long.toString(runAs(spec, container, false)),
                "--cap-drop", "ALL", "--bind", rootfs.toString(), "/", "--proc", "/proc", "--dev", "/dev"));
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = spec.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + ": no volume " + mount.getName()));
            if (volume.getEmptyDir() != null) {
                bwrap.addAll(List.of("--tmpfs", mount.getMountPath()));
            } else if (volume.getSecret() != null) {
                Path dir = secretVolume(cluster, volume, podDir.resolve("volumes").resolve(volume.getName()));
                bwrap.addAll(List.of("--ro-bind", dir.toString(), mount.getMountPath()));
            } else {
                throw new IllegalStateException(name + ": volume " + volume.getName() + " of an unsupported kind");
            }
        }
        bwrap.addAll(List.of("--ro-bind", hosts.toString(), "/etc/hosts"));
        if (Boolean.TRUE.equals(securityContext(container).getReadOnlyRootFilesystem())) {
            bwrap.addAll(List.of("--remount-ro", "/"));
        }
        String workingDir = container.getWorkingDir() != null ? container.getWorkingDir()
                : imageConfig.path("WorkingDir").asText("/");
        bwrap.addAll(List.of("--chdir", workingDir.isEmpty() ? "/" : workingDir, "--"));
        List<String> command = command(container, imageConfig);
        bwrap.addAll(command);

        ProcessBuilder builder = new ProcessBuilder(bwrap).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            return new Pod(name, builder.start(), Map.copyOf(kubelet), command, log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " (is bubblewrap installed?)", e);
        }
    }

    /** Kubernetes' rule: command replaces the Entrypoint (and drops Cmd), args replace Cmd. */
    static List<String> command(Container container, JsonNode imageConfig) {
        List<String> result = new ArrayList<>();
        if (container.getCommand() != null && !container.getCommand().isEmpty()) {
            result.addAll(container.getCommand());
        } else {
            imageConfig.path("Entrypoint").forEach(a -> result.add(a.asText()));
        }
        if (container.getArgs() != null && !container.getArgs().isEmpty()) {
            result.addAll(container.getArgs());
        } else if (container.getCommand() == null || container.getCommand().isEmpty()) {
            imageConfig.path("Cmd").forEach(a -> result.add(a.asText()));
        }
        if (result.isEmpty()) {
            throw new IllegalStateException("neither the container nor its image says what to run");
        }
        return result;
    }

    private static long runAs(PodSpec spec, Container container, boolean user) {
        SecurityContext c = securityContext(container);
        PodSecurityContext p = spec.getSecurityContext() == null ? new PodSecurityContext() : spec.getSecurityContext();
        Long value = user ? (c.getRunAsUser() != null ? c.getRunAsUser() : p.getRunAsUser())
                : (c.getRunAsGroup() != null ? c.getRunAsGroup() : p.getRunAsGroup());
        if (value == null) {
            throw new IllegalStateException("the rehearsal needs an explicit runAsUser and runAsGroup");
        }
        if (user && value == 0 && (Boolean.TRUE.equals(c.getRunAsNonRoot()) || Boolean.TRUE.equals(p.getRunAsNonRoot()))) {
            throw new IllegalStateException("runAsNonRoot with user 0");
        }
        return value;
    }

    private static SecurityContext securityContext(Container container) {
        return container.getSecurityContext() == null ? new SecurityContext() : container.getSecurityContext();
    }

    /** A Secret volume as the kubelet projects it: the listed items (or every key) with the volume's mode. */
    static Path secretVolume(Cluster cluster, Volume volume, Path dir) {
        var source = volume.getSecret();
        Map<String, String> data = cluster.secret(source.getSecretName());
        if (data == null) {
            throw new IllegalStateException("Secret " + source.getSecretName() + " (volume " + volume.getName()
                    + ") does not exist");
        }
        int defaultMode = source.getDefaultMode() == null ? 0644 : source.getDefaultMode();
        List<KeyToPath> items = source.getItems() == null || source.getItems().isEmpty()
                ? data.keySet().stream().map(k -> new KeyToPath(k, null, k, null)).toList() : source.getItems();
        try {
            Files.createDirectories(dir);
            for (KeyToPath item : items) {
                String value = data.get(item.getKey());
                if (value == null) {
                    throw new IllegalStateException("Secret " + source.getSecretName() + " has no key " + item.getKey());
                }
                Path file = dir.resolve(item.getPath());
                Files.createDirectories(file.getParent());
                Files.writeString(file, value);
                Files.setPosixFilePermissions(file, permissions(item.getMode() != null ? item.getMode() : defaultMode));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
