package io.vigil.registry.status;

import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance per distinct value of the low-cardinality strings a fleet repeats (driver status, TLS, versions,
 * fingerprints, states), so that a million computers do not hold a million copies of {@code "Online"}. Bounded: past
 * {@link #LIMIT} distinct values, strings are kept as they are.
 */
final class Canonical {

    static final int LIMIT = 50_000;
    private static final ConcurrentHashMap<String, String> VALUES = new ConcurrentHashMap<>();

    private Canonical() {
    }

    static String of(String value) {
        if (value == null) {
            return null;
        }
        String known = VALUES.get(value);
        if (known != null) {
            return known;
        }
        if (VALUES.size() >= LIMIT) {
            return value;
        }
        String previous = VALUES.putIfAbsent(value, value);
        return previous != null ? previous : value;
    }
}
