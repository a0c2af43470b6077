package io.vigil.siem.format;

import io.vigil.siem.cef.CefLine;

/** Extension fields shared by every kind. */
final class Extensions {

    /** Longest text value carried: receivers such as rsyslog cut messages at 8 KiB by default. */
    static final int MAX_TEXT = 2000;
    /** Longest short field (a name, a host name, an ID, an actor, an action, a resource, a service, an agent time). */
    static final int MAX_FIELD = 255;
    /** Highest agent event ID: agents report 16-bit event IDs. */
    static final int MAX_EVENT_ID = 65_535;

    private Extensions() {
    }

    /** {@code dvchost}, {@code dvc} and {@code cs1Label=computerID cs1=<id>}, each when known. */
    static void device(CefLine line, Long computerID, String hostName, ComputerLookup computers) {
        ComputerLookup.Computer known = computerID == null ? null : computers.find(computerID);
        String host = hostName != null ? hostName : known == null ? null : known.hostName();
        line.ext("dvchost", field(host))
                .ext("dvc", known == null ? null : field(known.lastIPUsed()))
                .customString(1, "computerID", computerID);
    }

    /** A short field cut at {@link #MAX_FIELD} characters. */
    static String field(String text) {
        return cut(text, MAX_FIELD);
    }

    /** A text value cut at {@link #MAX_TEXT} characters. */
    static String truncate(String text) {
        return cut(text, MAX_TEXT);
    }

    /**
     * The epoch milliseconds of a time, or a {@link FormatException} naming the field for a time beyond them (Instant
     * reaches further than a long of milliseconds).
     */
    static long epochMillis(java.time.Instant time, String field) {
        try {
            return time.toEpochMilli();
        } catch (ArithmeticException e) {
            throw new FormatException(field + " " + time + " is out of range");
        }
    }

    private static String cut(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = max;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }
}
