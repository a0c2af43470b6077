package io.vigil.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every value is documented (## @param), listed in the README, and covered by the strict schema. */
class ChartDocsTest {

    private static final Pattern PARAM = Pattern.compile("^\\s*## @param (\\S+) \\S.*$", Pattern.MULTILINE);

    @Test
    void everyValueHasAParamLineAndEveryParamLineAValue() throws IOException {
        String text = Files.readString(HelmChart.CHART.resolve("values.yaml"));
        Set<String> params = params(text);
        JsonNode values = new YAMLMapper().readTree(text);
        List<String> leaves = new ArrayList<>();
        leaves(values, "", leaves);
        for (String leaf : leaves) {
            assertThat(params.stream().anyMatch(p -> leaf.equals(p) || leaf.startsWith(p + ".")))
                    .as("## @param for %s", leaf).isTrue();
        }
        for (String param : params) {
            assertThat(values.at("/" + param.replace('.', '/')).isMissingNode()).as("value of @param %s", param)
                    .isFalse();
        }
    }

    @Test
    void readmeListsEveryParameterAndExplainsUpgrading() throws IOException {
        String readme = Files.readString(HelmChart.CHART.resolve("README.md"));
        for (String param : params(Files.readString(HelmChart.CHART.resolve("values.yaml")))) {
            assertThat(readme).as("README row of %s", param).contains("| `" + param + "` |");
        }
        assertThat(readme).contains("## Upgrading").contains("Flyway").contains("preStop")
                .contains("use-regex").contains("RegularExpression");
    }

    @Test
    void schemaIsStrictEverywhereItNamesProperties() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(HelmChart.CHART.resolve("values.schema.json").toFile());
        List<String> loose = new ArrayList<>();
        strict(schema, "", loose);
        assertThat(loose).as("objects with properties but without additionalProperties: false").isEmpty();
        // every top-level value is declared
        JsonNode values = new YAMLMapper().readTree(HelmChart.CHART.resolve("values.yaml").toFile());
        Set<String> declared = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(declared::add);
        Set<String> present = new TreeSet<>();
        values.fieldNames().forEachRemaining(present::add);
        assertThat(declared).isEqualTo(present);
    }

    @Test
    void notesTellTheNextSteps() throws IOException {
        String notes = Files.readString(HelmChart.CHART.resolve("templates/NOTES.txt"));
        assertThat(notes).contains("create secret").contains("-agents").contains("api-secret-key");
    }

    private static Set<String> params(String valuesText) {
        Set<String> params = new TreeSet<>();
        Matcher m = PARAM.matcher(valuesText);
        while (m.find()) {
            params.add(m.group(1));
        }
        return params;
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out);
            }
        } else {
            out.add(path);
        }
    }

    private static void strict(JsonNode node, String path, List<String> loose) {
        if (node.isObject()) {
            if (node.has("properties")) {
                JsonNode additional = node.get("additionalProperties");
                if (additional == null || !additional.isBoolean() || additional.asBoolean()) {
                    loose.add(path.isEmpty() ? "/" : path);
                }
            }
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                strict(e.getValue(), path + "/" + e.getKey(), loose);
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                strict(item, path + "[]", loose);
            }
        }
    }
}
