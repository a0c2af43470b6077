package io.vigil.deploy.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.vigil.deploy.ContainerEnvironment;
import io.vigil.testkit.containers.PodContainer;
import io.vigil.testkit.containers.WhenStarted;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The first container of a rendered Deployment run from its image by the container engine, through test-support's
 * {@link PodContainer}, as the kubelet would run it: the security context's user and group (and fsGroup), a read-only
 * root file system when it says so, a tmpfs for each emptyDir (its sizeLimit), each Secret volume read-only at its
 * mountPath ({@link SecretVolumes}), the memory and CPU limits as the container's cgroup limits, names of the
 * cluster's Services on loopback, the host network. Command and arguments follow Kubernetes' rules over the image's
 * Entrypoint and Cmd ({@link ContainerCommand}); the environment is the image's plus what the kubelet resolves
 * ({@link ContainerEnvironment}), nothing else.
 */
final class DeploymentPod {

    private final PodContainer container;
    private final Map<String, String> environment;
    private final Path log;

    private DeploymentPod(PodContainer container, Map<String, String> environment, Path log) {
        this.container = container;
        this.environment = environment;
        this.log = log;
    }

    /** Starts the pod without waiting for readiness (the caller judges it by the readinessProbe). */
    static DeploymentPod start(Deployment deployment, String image, JsonNode imageConfig, Cluster cluster,
                               List<String> serviceNames, Path podDir, Path log) {
        String name = deployment.getMetadata().getName();
        PodSpec spec = deployment.getSpec().getTemplate().getSpec();
        Container container = spec.getContainers().getFirst();
        Map<String, String> kubelet = ContainerEnvironment.resolve(container, name, cluster);
        PodSecurityContext pod = spec.getSecurityContext() == null ? new PodSecurityContext() : spec.getSecurityContext();
        SecurityContext own = container.getSecurityContext() == null ? new SecurityContext() : container.getSecurityContext();
        List<String> command = ContainerCommand.of(container, imageConfig);
        PodContainer started = new PodContainer(image, log).withEnv(kubelet).waitingFor(new WhenStarted())
                .asUser(user(own, pod),
                        runAs(own.getRunAsGroup(), pod.getRunAsGroup(), "runAsGroup"),
                        pod.getFsGroup() == null ? List.of() : List.of(pod.getFsGroup()))
                .withReadOnlyRoot(Boolean.TRUE.equals(own.getReadOnlyRootFilesystem()))
                .withLoopbackNames(serviceNames)
                .withCreateContainerCmdModifier(create -> create.withEntrypoint(command).withCmd(List.of()));
        if (container.getWorkingDir() != null) {
            started.withWorkingDirectory(container.getWorkingDir());
        }
        limits(container, started);
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = spec.getVolumes().stream().filter(v -> v.getName().equals(mount.getName())).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + ": no volume " + mount.getName()));
            if (volume.getEmptyDir() != null) {
                Quantity size = volume.getEmptyDir().getSizeLimit();
                started.withEmptyDir(mount.getMountPath(),
                        size == null ? null : Quantity.getAmountInBytes(size).longValueExact());
            } else if (volume.getSecret() != null) {
                started.withReadOnlyMount(SecretVolumes.project(cluster, volume,
                        podDir.resolve("volumes").resolve(volume.getName()), pod.getFsGroup()), mount.getMountPath());
            } else {
                throw new IllegalStateException(name + ": volume " + volume.getName() + " of an unsupported kind");
            }
        }
        started.start();
        return new DeploymentPod(started, Map.copyOf(kubelet), log);
    }

    private static long user(SecurityContext own, PodSecurityContext pod) {
        long user = runAs(own.getRunAsUser(), pod.getRunAsUser(), "runAsUser");
        if (user == 0 && (Boolean.TRUE.equals(own.getRunAsNonRoot()) || Boolean.TRUE.equals(pod.getRunAsNonRoot()))) {
            throw new IllegalStateException("runAsNonRoot with user 0: the kubelet would refuse the container");
        }
        return user;
    }

    private static long runAs(Long container, Long pod, String what) {
        Long value = container != null ? container : pod;
        if (value == null) {
            throw new IllegalStateException("the rehearsal needs an explicit " + what);
        }
        return value;
    }

    private static void limits(Container container, PodContainer target) {
        var limits = container.getResources() == null ? null : container.getResources().getLimits();
        if (limits == null || !limits.containsKey("memory")) {
            throw new IllegalStateException(container.getName() + " has no memory limit");
        }
        long memory = Quantity.getAmountInBytes(limits.get("memory")).longValueExact();
        Long nanoCpus = limits.containsKey("cpu")
                ? Quantity.getAmountInBytes(limits.get("cpu")).multiply(BigDecimal.valueOf(1_000_000_000L)).longValue()
                : null;
        target.withLimits(memory, nanoCpus);
    }

    boolean running() {
        return container.isRunning();
    }

    /** What the kubelet gave the container (ConfigMaps and env), without the image's own. */
    Map<String, String> environment() {
        return environment;
    }

    /** The container's main process on the host (the JVM: the images run java without a shell). */
    long processId() {
        return container.mainProcessId();
    }

    Path log() {
        return log;
    }

    /** Stops and removes the container. */
    void stop() {
        container.stop();
    }
}
