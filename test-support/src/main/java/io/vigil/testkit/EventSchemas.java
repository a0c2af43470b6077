package io.vigil.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.vigil.events.EventJson;
import io.vigil.events.PublicEvents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Validates a raw public CloudEvent, exactly as read from a topic (a plain Kafka consumer's string value), against the
 * JSON Schemas published in docs/schemas (in the {@code events} jar under {@code schemas/}): the envelope first, then {@code data}
 * against the schema its {@code type} names. Format keywords ({@code date-time}, ...) are asserted.
 * <pre>{@code
 * assertThat(EventSchemas.problems(record.value())).isEmpty();   // or EventSchemas.check(record.value());
 * }</pre>
 */
public final class EventSchemas {

    /** The envelope schema of every public topic. */
    public static final String ENVELOPE = PublicEvents.ENVELOPE_SCHEMA;

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema file (under {@code schemas/} in the events jar) for a public CloudEvents type, or null. */
    public static String dataSchemaFile(String type) {
        return PublicEvents.of(type).map(PublicEvents.PublicType::schemaFile).orElse(null);
    }

    /** Every violation of the envelope and data schemas, as readable lines; empty when the event is valid. */
    public static List<String> problems(String cloudEventJson) {
        List<String> problems = new ArrayList<>();
        JsonNode event;
        try {
            event = EventJson.mapper().readTree(cloudEventJson);
        } catch (IOException e) {
            return List.of("not JSON: " + e.getMessage());
        }
        collect(problems, "envelope", schema(ENVELOPE), cloudEventJson);
        String type = event.path("type").asText(null);
        String file = dataSchemaFile(type);
        if (file == null) {
            problems.add("type: no public schema for " + type);
        } else if (event.has("data")) {
            collect(problems, "data", schema(file), event.get("data").toString());
        }
        return problems;
    }

    /** Throws an {@link AssertionError} listing the violations when the event does not match its schemas. */
    public static void check(String cloudEventJson) {
        List<String> problems = problems(cloudEventJson);
        if (!problems.isEmpty()) {
            throw new AssertionError("event violates its schema: " + problems + " in " + cloudEventJson);
        }
    }

    private static void collect(List<String> problems, String part, Schema schema, String json) {
        for (Error error : schema.validate(json, InputFormat.JSON)) {
            problems.add(part + " " + error.getInstanceLocation() + ": " + error.getMessage());
        }
    }

    private static Schema schema(String file) {
        return SCHEMAS.computeIfAbsent(file, name -> {
            try (InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream("schemas/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("schema not on the classpath: schemas/" + name);
                }
                return REGISTRY.getSchema(in, InputFormat.JSON);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
