package io.vigil.console.rest;

/**
 * A list answer of the console API: its {@code next} member is the link (path and query) to the next page, null on
 * the last page. {@link NextLinkHeader} repeats it as {@code Link: <next>; rel="next"}.
 */
public interface PagedList {

    String next();
}
