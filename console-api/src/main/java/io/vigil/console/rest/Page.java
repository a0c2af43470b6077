package io.vigil.console.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.hibernate.validator.constraints.Range;

/**
 * Keyset paging of every console list ({@code @BeanParam @Valid Page page}): at most {@code limit} items with an ID
 * greater than {@code after}, ascending by ID. An item added while a client pages is never skipped.
 */
public class Page {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    @QueryParam("limit")
    @DefaultValue("100")
    @Range(min = 1, max = MAX_LIMIT, message = "must be an integer from 1 to " + MAX_LIMIT)
    @Parameter(description = "At most this many items (1 to 1000).", schema = @Schema(type = SchemaType.INTEGER,
            format = "int32", defaultValue = "100", minimum = "1", maximum = "1000"))
    int limit = DEFAULT_LIMIT;

    @QueryParam("after")
    @DefaultValue("0")
    @Range(min = 0, max = Long.MAX_VALUE, message = "must be the last ID seen (a non-negative integer)")
    @Parameter(description = "The last ID of the previous page; 0 or absent for the first page.",
            schema = @Schema(type = SchemaType.INTEGER, format = "int64", defaultValue = "0",
            minimum = "0"))
    long after;

    public Page() {
    }

    public Page(int limit, long after) {
        this.limit = limit;
        this.after = after;
    }

    public int limit() {
        return limit;
    }

    public long after() {
        return after;
    }
}
