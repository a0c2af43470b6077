package io.vigil.registry.status;

import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects the first reason a record is refused, naming the field; each check is skipped once one failed. Text must be
 * storable in a PostgreSQL {@code text} column (no NUL, no unpaired UTF-16 surrogate) and within its length; times
 * within 1970-01-01 to 2199-12-31, so that their epoch milliseconds are exact and nothing overflows.
 */
final class Verdict {

    static final long EARLIEST_MS = 0L;
    static final long LATEST_MS = Instant.parse("2199-12-31T23:59:59.999Z").toEpochMilli();
    /** The largest integer every JSON reader keeps exact (2^53 - 1). */
    static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    private static final Pattern TOKEN = Pattern.compile("[a-z][a-z0-9-]{0,63}");

    private String reason;

    /** Null while every check passed, else the first refusal. */
    String reason() {
        return reason;
    }

    Verdict check(boolean ok, String field, String why) {
        if (reason == null && !ok) {
            reason = field + " " + why;
        }
        return this;
    }

    /** Text of at most {@code max} characters; {@code required}: not null and not empty. */
    Verdict text(String field, String value, int max, boolean required) {
        if (reason != null) {
            return this;
        }
        if (value == null || value.isEmpty()) {
            return check(!required, field, "is missing");
        }
        check(value.length() <= max, field, "is longer than " + max + " characters (" + value.length() + ")");
        return check(storable(value), field, "contains NUL or an unpaired UTF-16 surrogate");
    }

    /** One of the given values; null only when not {@code required}. */
    Verdict oneOf(String field, String value, Set<String> values, boolean required) {
        if (value == null) {
            return check(!required, field, "is missing");
        }
        return check(values.contains(value), field, "is not one of " + values + " (" + shown(value) + ")");
    }

    /** Null (when not required) or a lowercase token such as {@code platform-outage}. */
    Verdict token(String field, String value, boolean required) {
        if (value == null) {
            return check(!required, field, "is missing");
        }
        return check(TOKEN.matcher(value).matches(), field, "is not a lowercase token of at most 64 characters ("
                + shown(value) + ")");
    }

    Verdict time(String field, Instant value) {
        return check(value == null || (!value.isBefore(Instant.EPOCH)
                && !value.isAfter(Instant.ofEpochMilli(LATEST_MS))), field, "is outside 1970-01-01..2199-12-31");
    }

    Verdict millis(String field, long value) {
        return check(value >= EARLIEST_MS && value <= LATEST_MS, field, "is outside 1970-01-01..2199-12-31 ("
                + value + ")");
    }

    Verdict range(String field, long value, long min, long max) {
        return check(value >= min && value <= max, field, "is outside " + min + ".." + max + " (" + value + ")");
    }

    /** No NUL and no unpaired surrogate: what PostgreSQL text and UTF-8 can hold unchanged. */
    static boolean storable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** A refused value as a reason may quote it: short, and only when storable. */
    private static String shown(String value) {
        if (!storable(value)) {
            return "not storable text";
        }
        return value.codePointCount(0, value.length()) <= 40 ? "'" + value + "'"
                : "'" + value.substring(0, value.offsetByCodePoints(0, 40)) + "...'";
    }
}
