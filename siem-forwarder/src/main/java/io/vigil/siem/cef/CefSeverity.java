package io.vigil.siem.cef;

import java.util.Locale;
import java.util.Optional;

/** Vigil severities with their CEF severity (docs/cef.md) and RFC 5424 severity. */
public enum CefSeverity {
    INFO("info", 3, 6),
    WARNING("warning", 6, 4),
    CRITICAL("critical", 10, 2);

    private final String id;
    private final int cef;
    private final int syslog;

    CefSeverity(String id, int cef, int syslog) {
        this.id = id;
        this.cef = cef;
        this.syslog = syslog;
    }

    public String id() {
        return id;
    }

    /** CEF header severity: critical 10, warning 6, info 3. */
    public int cef() {
        return cef;
    }

    /** RFC 5424 severity: critical 2 (Critical), warning 4 (Warning), info 6 (Informational). */
    public int syslog() {
        return syslog;
    }

    public static Optional<CefSeverity> of(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.toLowerCase(Locale.ROOT);
        for (CefSeverity s : values()) {
            if (s.id.equals(wanted)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
