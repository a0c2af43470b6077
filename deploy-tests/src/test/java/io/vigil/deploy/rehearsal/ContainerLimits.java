package io.vigil.deploy.rehearsal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Quantity;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The container's resource limits as a JVM inside a container sees them through its cgroup: memory limit as the
 * machine's memory (so MaxRAMPercentage sizes the heap from it) and the CPU limit as the processor count. bubblewrap
 * sets no cgroup limits, so they are handed to the JVM as {@code JAVA_TOOL_OPTIONS}, which the image's entrypoint
 * does not use itself.
 */
final class ContainerLimits {

    private ContainerLimits() {
    }

    static String jvmOptions(Container container) {
        List<String> options = new ArrayList<>();
        var limits = container.getResources() == null ? null : container.getResources().getLimits();
        if (limits == null || !limits.containsKey("memory")) {
            throw new IllegalStateException(container.getName() + " has no memory limit");
        }
        options.add("-XX:MaxRAM=" + Quantity.getAmountInBytes(limits.get("memory")).toBigInteger());
        if (limits.containsKey("cpu")) {
            BigDecimal cpus = Quantity.getAmountInBytes(limits.get("cpu")).setScale(0, RoundingMode.CEILING);
            options.add("-XX:ActiveProcessorCount=" + Math.max(1, cpus.intValue()));
        }
        return String.join(" ", options);
    }
}
