package io.vigil.registry.web;

import io.vigil.console.Problem;

import java.util.ArrayList;
import java.util.List;

/** The contract's list paging: {@code limit} (default 100, 1 to 1000) and {@code after} (the last ID seen). */
public record Paging(int limit, long after) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public static Paging parse(String limit, String after) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        Long l = Query.longParam("limit", limit, 1, MAX_LIMIT, invalid);
        Long a = Query.longParam("after", after, 0, Long.MAX_VALUE, invalid);
        Query.validate(invalid);
        return new Paging(l == null ? DEFAULT_LIMIT : l.intValue(), a == null ? 0 : a);
    }
}
