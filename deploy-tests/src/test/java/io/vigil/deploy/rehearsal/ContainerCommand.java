package io.vigil.deploy.rehearsal;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Container;

import java.util.ArrayList;
import java.util.List;

/** What a container runs, by Kubernetes' rule over the image's Entrypoint and Cmd. */
final class ContainerCommand {

    private ContainerCommand() {
    }

    /** command replaces the Entrypoint (and drops Cmd), args replace Cmd. */
    static List<String> of(Container container, JsonNode imageConfig) {
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
}
