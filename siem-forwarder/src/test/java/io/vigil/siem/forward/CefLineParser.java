package io.vigil.siem.forward;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A strict reader of the CEF lines a receiver gets, written from the CEF rules and not from the formatter: seven header
 * fields after {@code CEF:0|}, separated by unescaped pipes (escapes {@code \|} and {@code \\} only), then
 * {@code key=value} extensions whose values escape {@code \}, {@code =}, line feed and carriage return. Any stray
 * escape, an unescaped {@code =} inside a value, or a control character anywhere makes it throw.
 */
final class CefLineParser {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    record Parsed(List<String> header, Map<String, String> extensions) {
    }

    private CefLineParser() {
    }

    static Parsed parse(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException("control character U+" + Integer.toHexString(c) + " at " + i);
            }
        }
        if (!line.startsWith("CEF:0|")) {
            throw new IllegalArgumentException("no CEF:0 prefix");
        }
        List<String> header = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = "CEF:0|".length();
        while (header.size() < 6) {
            if (i >= line.length()) {
                throw new IllegalArgumentException("only " + header.size() + " header fields");
            }
            char c = line.charAt(i++);
            if (c == '\\') {
                char next = i < line.length() ? line.charAt(i++) : 0;
                if (next != '\\' && next != '|') {
                    throw new IllegalArgumentException("stray escape in header: \\" + next);
                }
                field.append(next);
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        return new Parsed(header, extensions(line.substring(i)));
    }

    /** Splits at each unescaped {@code =}: the word before it (after a space) is the next key. */
    private static Map<String, String> extensions(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        List<Integer> equals = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
                if (next != '\\' && next != '=' && next != 'n' && next != 'r') {
                    throw new IllegalArgumentException("stray escape in extension: \\" + next);
                }
                i++;
            } else if (c == '=') {
                equals.add(i);
            }
        }
        int keyStart = 0;
        for (int n = 0; n < equals.size(); n++) {
            int eq = equals.get(n);
            String key = text.substring(keyStart, eq);
            if (!KEY.matcher(key).matches() || out.containsKey(key)) {
                throw new IllegalArgumentException("bad or repeated extension key '" + key + "'");
            }
            int end;
            if (n + 1 < equals.size()) {
                end = text.lastIndexOf(' ', equals.get(n + 1));
                if (end <= eq) {
                    throw new IllegalArgumentException("no space before the key after " + key);
                }
            } else {
                end = text.length();
            }
            out.put(key, unescape(text.substring(eq + 1, end)));
            keyStart = end + 1;
        }
        if (keyStart < text.length() && equals.isEmpty()) {
            throw new IllegalArgumentException("extension text without key: " + text);
        }
        return out;
    }

    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
