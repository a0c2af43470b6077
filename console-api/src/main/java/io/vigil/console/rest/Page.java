package io.vigil.console.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.hibernate.validator.constraints.Range;

import java.net.URI;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Keyset paging of every console list ({@code @BeanParam @Valid Page page}): at most {@code limit} items with an ID
 * greater than {@code after}, ascending by ID. An item added while a client pages is never skipped. A list reads
 * {@link #fetch()} items (one more than the page) and hands them to {@link #slice}, which keeps the page and says
 * whether a next page exists: its link ({@link PagedList#next()}, also the {@code Link: <...>; rel="next"} header).
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
    @Parameter(description = "The last ID of the previous page; 0 or absent for the first page. The answer's next "
            + "link carries it.", schema = @Schema(type = SchemaType.INTEGER, format = "int64", defaultValue = "0",
            minimum = "0"))
    long after;

    @Context
    UriInfo uri;

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

    /** How many items a list reads: one more than the page, so that {@link #slice} knows whether more follow. */
    public int fetch() {
        return limit + 1;
    }

    /** A page of items and the link to the next page (null on the last page). */
    public record Slice<T>(List<T> items, String next) {
    }

    /**
     * The page of {@code fetched} (read in ascending ID order, at most {@link #fetch()} items) and, when more follow,
     * the link to the next page: this request's path and query with {@code after} set to the page's last ID.
     */
    public <T> Slice<T> slice(List<T> fetched, ToLongFunction<T> id) {
        if (fetched.size() <= limit) {
            return new Slice<>(List.copyOf(fetched), null);
        }
        List<T> items = List.copyOf(fetched.subList(0, limit));
        return new Slice<>(items, nextLink(id.applyAsLong(items.getLast())));
    }

    private String nextLink(long last) {
        if (uri == null) {
            return "?limit=" + limit + "&after=" + last;
        }
        URI next = UriBuilder.fromUri(uri.getRequestUri()).replaceQueryParam("after", last).build();
        return (next.getRawPath() == null ? "" : next.getRawPath()) + "?" + next.getRawQuery();
    }
}
