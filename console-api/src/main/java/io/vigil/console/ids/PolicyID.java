package io.vigil.console.ids;

import io.vigil.console.rest.PathIds;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A policy ID (the Base Policy is 1) in a path: a positive whole number; any other segment is refused before the resource method runs. */
@Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", description = "A policy ID (the Base Policy is 1)")
public record PolicyID(long value) {

    /** JAX-RS's conversion of the path segment. */
    public static PolicyID fromString(String text) {
        return new PolicyID(PathIds.orNotFound("policy", text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
