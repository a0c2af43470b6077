package io.vigil.siem.receiver;

import io.vigil.siem.cef.CefSeverity;
import io.vigil.siem.format.Kind;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses {@code vigil.siem.syslog.url}: comma-separated {@code tcp://host:port} or {@code tls://host:port}, each
 * optionally with {@code ?kinds=alerts,agent-events,audit&minSeverity=warning}. Commas inside {@code kinds} belong to
 * that receiver. Anything else is refused with a message naming the offending part.
 */
public final class ReceiverUrls {

    private ReceiverUrls() {
    }

    public static List<ReceiverSpec> parse(String urls) {
        List<ReceiverSpec> receivers = new ArrayList<>();
        if (urls == null || urls.isBlank()) {
            return receivers;
        }
        for (String part : split(urls)) {
            receivers.add(parseOne(part));
        }
        return receivers;
    }

    /** Splits at commas that start a new receiver (followed by a scheme), not those inside a kinds list. */
    private static List<String> split(String urls) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String piece : urls.split(",", -1)) {
            String trimmed = piece.trim();
            if (current.isEmpty() || trimmed.contains("://")) {
                if (!current.isEmpty()) {
                    parts.add(current.toString());
                }
                current = new StringBuilder(trimmed);
            } else {
                current.append(',').append(trimmed);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static ReceiverSpec parseOne(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("vigil.siem.syslog.url: not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("tcp") && !scheme.equals("tls")) {
            throw new IllegalArgumentException("vigil.siem.syslog.url: scheme must be tcp or tls: " + url);
        }
        if (uri.getHost() == null || uri.getPort() < 1 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("vigil.siem.syslog.url: host and port (1-65535) required: " + url);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            throw new IllegalArgumentException("vigil.siem.syslog.url: no path allowed: " + url);
        }
        Set<Kind> kinds = EnumSet.allOf(Kind.class);
        CefSeverity minSeverity = CefSeverity.INFO;
        if (uri.getQuery() != null && !uri.getQuery().isEmpty()) {
            for (String parameter : uri.getQuery().split("&")) {
                int eq = parameter.indexOf('=');
                String name = eq < 0 ? parameter : parameter.substring(0, eq);
                String value = eq < 0 ? "" : parameter.substring(eq + 1);
                switch (name) {
                    case "kinds" -> kinds = kinds(value, url);
                    case "minSeverity" -> minSeverity = CefSeverity.of(value).orElseThrow(() ->
                            new IllegalArgumentException("vigil.siem.syslog.url: minSeverity must be info, warning"
                                    + " or critical: " + url));
                    default -> throw new IllegalArgumentException("vigil.siem.syslog.url: unknown parameter '"
                            + name + "' (kinds, minSeverity): " + url);
                }
            }
        }
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        return new ReceiverSpec(scheme.equals("tls"), host, uri.getPort(), kinds, minSeverity);
    }

    private static Set<Kind> kinds(String value, String url) {
        Set<Kind> kinds = EnumSet.noneOf(Kind.class);
        for (String id : value.split(",")) {
            kinds.add(Kind.of(id.trim()).orElseThrow(() -> new IllegalArgumentException(
                    "vigil.siem.syslog.url: kinds are alerts, agent-events, audit; got '" + id + "': " + url)));
        }
        return kinds;
    }
}
