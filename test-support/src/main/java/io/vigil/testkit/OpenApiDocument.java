package io.vigil.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The merged OpenAPI document of the console API, {@code docs/openapi.yaml}: the paths of every console service (each
 * path item names its service in {@code x-vigil-service}) and the components they use. {@link #verify} checks one
 * service's served document against it; run a service's {@code OpenApiDocumentTest} with
 * {@code -Dvigil.openapi.regenerate=true} to write that service's part into it first.
 */
public final class OpenApiDocument {

    public static final String REGENERATE = "vigil.openapi.regenerate";
    private static final String SERVICE = "x-vigil-service";
    private static final Pattern REF = Pattern.compile("#/components/schemas/([^\"/]+)");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR));
    private static final ObjectMapper JSON = new ObjectMapper();

    private OpenApiDocument() {
    }

    /** The committed document: {@code docs/openapi.yaml} in the repository holding the working directory. */
    public static Path committed() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("docs")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve("docs").resolve("openapi.yaml");
            }
        }
        throw new IllegalStateException("no docs/ directory above " + Path.of("").toAbsolutePath());
    }

    /**
     * Fails unless the committed document holds exactly what {@code service} serves: its paths (no more, no fewer)
     * and the components they use.
     */
    public static void verify(String servedJson, String service) {
        try {
            Path file = committed();
            ObjectNode served = (ObjectNode) JSON.readTree(servedJson);
            ObjectNode committed = Files.exists(file) ? (ObjectNode) YAML.readTree(file.toFile())
                    : JSON.createObjectNode();
            ObjectNode merged = canonical(merge(committed, served, service));
            if (Boolean.getBoolean(REGENERATE)) {
                YAML.writeValue(file.toFile(), merged);
                committed = merged;
            }
            if (!canonical(committed).equals(merged)) {
                throw new AssertionError(file + " differs from what " + service + " serves at /q/openapi ("
                        + differences(canonical(committed), merged) + "); regenerate it with: ./mvnw -pl " + service
                        + " verify -Dtest=OpenApiDocumentTest -D" + REGENERATE + "=true, then review the diff");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code committed} with {@code service}'s paths replaced by the served ones, and unused schemas dropped. */
    static ObjectNode merge(ObjectNode committed, ObjectNode served, String service) {
        ObjectNode result = JSON.createObjectNode();
        result.set("openapi", served.get("openapi"));
        result.putObject("info").put("title", "Vigil console API").put("version", "1.0.0").put("description",
                "The console REST API of Vigil, served by policy-service, agent-registry and alert-service "
                        + "(x-vigil-service on each path); see docs/console-api.md.");
        result.set("tags", tags(committed.path("tags"), served.path("tags")));
        ObjectNode paths = result.putObject("paths");
        committed.path("paths").properties().forEach(e -> {
            if (!service.equals(e.getValue().path(SERVICE).asText())) {
                paths.set(e.getKey(), e.getValue());
            }
        });
        served.path("paths").properties().forEach(e -> paths.set(e.getKey(), e.getValue()));
        ObjectNode components = result.putObject("components");
        for (JsonNode source : List.of(committed.path("components"), served.path("components"))) {
            source.properties().forEach(section -> {
                ObjectNode target = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().properties().forEach(e -> target.set(e.getKey(), e.getValue()));
            });
        }
        if (components.has("schemas")) {
            Set<String> used = used(result, (ObjectNode) components.get("schemas"));
            ((ObjectNode) components.get("schemas")).retain(used);
        }
        return result;
    }

    private static Set<String> used(ObjectNode document, ObjectNode schemas) {
        Set<String> used = new HashSet<>();
        List<String> pending = new ArrayList<>(refs(document.get("paths").toString()));
        document.path("components").properties().forEach(e -> {
            if (!e.getKey().equals("schemas")) {
                pending.addAll(refs(e.getValue().toString()));
            }
        });
        while (!pending.isEmpty()) {
            String name = pending.removeLast();
            if (used.add(name) && schemas.has(name)) {
                pending.addAll(refs(schemas.get(name).toString()));
            }
        }
        return used;
    }

    private static List<String> refs(String json) {
        List<String> names = new ArrayList<>();
        Matcher m = REF.matcher(json);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static ArrayNode tags(JsonNode committed, JsonNode served) {
        Map<String, JsonNode> byName = new TreeMap<>();
        committed.forEach(tag -> byName.put(tag.path("name").asText(), tag));
        served.forEach(tag -> byName.put(tag.path("name").asText(), tag));
        ArrayNode tags = JSON.createArrayNode();
        byName.values().forEach(tags::add);
        return tags;
    }

    /** Objects with sorted members (top level in the usual order), as written to and read from YAML. */
    static ObjectNode canonical(ObjectNode node) throws IOException {
        ObjectNode sorted = (ObjectNode) sort(node);
        ObjectNode ordered = JSON.createObjectNode();
        for (String key : List.of("openapi", "info", "tags", "paths", "components")) {
            if (sorted.has(key)) {
                ordered.set(key, sorted.get(key));
            }
        }
        return (ObjectNode) YAML.readTree(YAML.writeValueAsString(ordered));
    }

    private static JsonNode sort(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            new TreeMap<>(node.properties().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                    Map.Entry::getValue))).forEach((k, v) -> sorted.set(k, sort(v)));
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode array = JSON.createArrayNode();
            node.forEach(item -> array.add(sort(item)));
            return array;
        }
        return node;
    }

    private static String differences(ObjectNode committed, ObjectNode served) {
        List<String> differ = new ArrayList<>();
        for (String section : List.of("paths", "components")) {
            Set<String> keys = new java.util.TreeSet<>();
            committed.path(section).fieldNames().forEachRemaining(keys::add);
            served.path(section).fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                if (!committed.path(section).path(key).equals(served.path(section).path(key))) {
                    differ.add(section + " " + key);
                }
            }
        }
        return differ.isEmpty() ? "info or tags" : String.join(", ", differ);
    }
}
