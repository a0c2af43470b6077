package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The environment names the chart gives each service's container, read from the rendered manifests
 * ({@code deploy/vigil.yaml}, which deploy-tests keeps equal to a fresh rendering of the chart's defaults): the keys of
 * every ConfigMap its {@code envFrom} names, and the names of its {@code env}.
 */
final class ChartEnvironmentNames {

    private static final String RELEASE = "vigil";

    private final Map<String, JsonNode> byKindAndName = new HashMap<>();

    private ChartEnvironmentNames(Path manifests) throws IOException {
        try (MappingIterator<JsonNode> objects = new YAMLMapper().readerFor(JsonNode.class).readValues(manifests.toFile())) {
            while (objects.hasNext()) {
                JsonNode object = objects.next();
                if (object != null && object.has("kind")) {
                    byKindAndName.put(object.path("kind").asText() + "/" + object.path("metadata").path("name").asText(),
                            object);
                }
            }
        }
    }

    static ChartEnvironmentNames read(Path manifests) throws IOException {
        return new ChartEnvironmentNames(manifests);
    }

    Set<String> of(String service) {
        JsonNode deployment = byKindAndName.get("Deployment/" + RELEASE + "-" + service);
        if (deployment == null) {
            throw new IllegalArgumentException("no Deployment " + RELEASE + "-" + service);
        }
        JsonNode container = deployment.path("spec").path("template").path("spec").path("containers").get(0);
        Set<String> names = new TreeSet<>();
        for (JsonNode from : container.path("envFrom")) {
            if (!from.has("configMapRef")) {
                throw new IllegalStateException(service + ": envFrom other than a ConfigMap is not read here: " + from);
            }
            String configMap = from.path("configMapRef").path("name").asText();
            byKindAndName.get("ConfigMap/" + configMap).path("data").fieldNames().forEachRemaining(names::add);
        }
        container.path("env").forEach(env -> names.add(env.path("name").asText()));
        return names;
    }
}
