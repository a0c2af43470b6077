package io.vigil.console.ids;

import io.vigil.console.rest.PathIds;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An alert ID in a path: a positive whole number; any other segment is refused before the resource method runs. */
@Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", description = "An alert ID")
public record AlertID(long value) {

    /** JAX-RS's conversion of the path segment. */
    public static AlertID fromString(String text) {
        return new AlertID(PathIds.orInvalid("alertID", text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
