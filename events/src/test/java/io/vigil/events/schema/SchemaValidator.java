package io.vigil.events.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the published schemas from the classpath and validates JSON against them (formats asserted). */
final class SchemaValidator {

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true).build()));

    private SchemaValidator() {
    }

    static String text(String file) {
        try (InputStream in = SchemaValidator.class.getClassLoader().getResourceAsStream("schemas/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing schemas/" + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Schema schema(String file) {
        return REGISTRY.getSchema(text(file), InputFormat.JSON);
    }

    static List<String> problems(String file, String json) {
        return schema(file).validate(json, InputFormat.JSON).stream()
                .map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** Violations of the draft 2020-12 meta-schema by a schema file (the meta-schema ships in the validator jar). */
    static List<Error> metaSchemaProblems(String file) {
        Schema meta = REGISTRY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
        return meta.validate(text(file), InputFormat.JSON);
    }
}
