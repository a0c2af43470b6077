package io.vigil.console.ids;

import io.vigil.console.rest.PathIds;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An activation token ID in a path: a positive whole number; any other segment is refused before the resource method runs. */
@Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", description = "An activation token ID")
public record TokenID(long value) {

    /** JAX-RS's conversion of the path segment. */
    public static TokenID fromString(String text) {
        return new TokenID(PathIds.orNotFound("activation token", text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
