package io.vigil.siem.format;

import io.vigil.siem.cef.CefLine;

/** Extension fields shared by every kind. */
final class Extensions {

    /** Longest text value carried: receivers such as rsyslog cut messages at 8 KiB by default. */
    static final int MAX_TEXT = 2000;

    private Extensions() {
    }

    /** {@code dvchost}, {@code dvc} and {@code cs1Label=computerID cs1=<id>}, each when known. */
    static void device(CefLine line, Long computerID, String hostName, ComputerLookup computers) {
        ComputerLookup.Computer known = computerID == null ? null : computers.find(computerID);
        String host = hostName != null ? hostName : known == null ? null : known.hostName();
        line.ext("dvchost", host)
                .ext("dvc", known == null ? null : known.lastIPUsed())
                .customString(1, "computerID", computerID);
    }

    static String truncate(String text) {
        if (text == null || text.length() <= MAX_TEXT) {
            return text;
        }
        int end = MAX_TEXT;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + "...";
    }
}
