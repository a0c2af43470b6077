package io.vigil.gateway;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the values in an agent's body can mean, in one place: the range of agent times, the width of integers, and
 * what counts as text. Anything outside is refused at the edge (400 naming the field), so no consumer downstream
 * (deadline arithmetic, clock-change shifts, SIEM signatures, JSON readers in other languages) meets it.
 */
public final class AgentValues {

    /** The earliest agent time: the Unix epoch (a clock reset to zero still reports, so its jump is seen). */
    public static final Instant EARLIEST_TIME = Instant.EPOCH;
    /**
     * The latest agent time: the end of 2199. Any two accepted times are less than 292 years apart, so their
     * difference fits a signed 64-bit count of nanoseconds (and of course of milliseconds or seconds).
     */
    public static final Instant LATEST_TIME = Instant.parse("2199-12-31T23:59:59.999999999Z");
    /** The largest clock shift two accepted times can show, in seconds (event 5004's {@code changeSeconds}). */
    public static final long MAX_SHIFT_SECONDS = Duration.between(EARLIEST_TIME, LATEST_TIME).getSeconds();
    /**
     * The largest integer every JSON reader holds exactly (2^53 - 1, RFC 7493): counters, {@code uptimeMillis},
     * operation IDs.
     */
    public static final long MAX_SAFE_INTEGER = (1L << 53) - 1;
    /** Event IDs are 16-bit, like Windows event IDs (the SIEM signature is 100000 + eventID). */
    public static final long MAX_EVENT_ID = 65_535;
    /** How deep an agent event's {@code data} may nest (objects and arrays). */
    public static final int MAX_DATA_DEPTH = 32;

    /** RFC 3339 date-time: four-digit year, seconds, at most nine fraction digits, {@code Z} or a numeric offset. */
    private static final Pattern RFC3339 = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private AgentValues() {
    }

    /** Why a text is not an accepted agent time, or null when it is one. */
    public static String timeProblem(String value) {
        String reason = "must be an RFC 3339 time with offset between 1970-01-01T00:00:00Z and 2199-12-31T23:59:59Z,"
                + " e.g. 2026-11-25T10:00:00.123Z";
        if (!RFC3339.matcher(value).matches()) {
            return reason;
        }
        try {
            Instant instant = OffsetDateTime.parse(value).toInstant();
            return instant.isBefore(EARLIEST_TIME) || instant.isAfter(LATEST_TIME) ? reason : null;
        } catch (DateTimeParseException e) {
            return reason;
        }
    }

    /** Whether a string is text every consumer can store and print: no NUL, no unpaired UTF-16 surrogate. */
    public static boolean isText(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == 0) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Why an event's free-form {@code data} is refused (too deep, a name or string that is not text), or null. */
    public static String dataProblem(JsonNode data) {
        return dataProblem(data, 1);
    }

    private static String dataProblem(JsonNode node, int depth) {
        if (node.isContainerNode() && depth > MAX_DATA_DEPTH) {
            return "must nest at most " + MAX_DATA_DEPTH + " levels";
        }
        if (node.isTextual() && !isText(node.textValue())) {
            return "strings must not contain NUL or unpaired surrogates";
        }
        if (node.isNumber() && !node.isIntegralNumber() && !Double.isFinite(node.doubleValue())) {
            return "numbers must be finite";
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                String problem = isText(member.getKey()) ? dataProblem(member.getValue(), depth + 1)
                        : "member names must not contain NUL or unpaired surrogates";
                if (problem != null) {
                    return problem;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                String problem = dataProblem(element, depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
        }
        return null;
    }
}
