package io.vigil.siem.cef;

/**
 * CEF escaping (ArcSight CEF 0): in header fields {@code \} becomes {@code \\} and {@code |} becomes {@code \|};
 * in extension values {@code \} becomes {@code \\}, {@code =} becomes {@code \=}, a line feed becomes {@code \n} and
 * a carriage return {@code \r}. Other control characters cannot be carried and become a space (a CRLF pair is one
 * line break). Non-ASCII characters pass through (the message is UTF-8).
 */
public final class CefEscaping {

    private CefEscaping() {
    }

    /** A header field (vendor, product, version, signature ID, name): never spans lines. */
    public static String header(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '|' -> out.append("\\|");
                case '\r' -> {
                    if (i + 1 >= value.length() || value.charAt(i + 1) != '\n') {
                        out.append(' ');
                    }
                }
                default -> out.append(isControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    /** An extension value. */
    public static String extension(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '=' -> out.append("\\=");
                case '\n' -> out.append("\\n");
                case '\r' -> {
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        out.append("\\n");
                        i++;
                    } else {
                        out.append("\\r");
                    }
                }
                default -> out.append(isControl(c) ? ' ' : c);
            }
        }
        return out.toString();
    }

    private static boolean isControl(char c) {
        return c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029';
    }
}
