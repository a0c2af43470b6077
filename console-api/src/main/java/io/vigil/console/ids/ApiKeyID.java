package io.vigil.console.ids;

import io.vigil.console.rest.PathIds;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A managed API key ID in a path: a positive whole number; any other segment is refused before the resource method runs. */
@Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1", description = "A managed API key ID")
public record ApiKeyID(long value) {

    /** JAX-RS's conversion of the path segment. */
    public static ApiKeyID fromString(String text) {
        return new ApiKeyID(PathIds.orNotFound("API key", text));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
