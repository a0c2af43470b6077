package io.vigil.console.requests;

import org.jboss.logging.MDC;

import java.util.UUID;

/**
 * The ID of one HTTP request (console or agent): the caller's {@value #HEADER} when it is a short printable token
 * (1 to {@value #MAX_LENGTH} visible ASCII characters, no blank), otherwise a fresh random UUID. It is in the log
 * context as {@value #MDC_KEY} while the request is served and answered in the response's {@value #HEADER}.
 */
public final class RequestID {

    public static final String HEADER = "X-Request-ID";
    /** The MDC key of the request a log line is about (JSON logs show it as a field of {@code mdc}). */
    public static final String MDC_KEY = "requestID";
    public static final int MAX_LENGTH = 64;

    private RequestID() {
    }

    /** The presented ID if it is acceptable, else a fresh one. */
    public static String accept(String presented) {
        return acceptable(presented) ? presented : UUID.randomUUID().toString();
    }

    static boolean acceptable(String presented) {
        return presented != null && !presented.isEmpty() && presented.length() <= MAX_LENGTH
                && presented.chars().allMatch(c -> c > ' ' && c < 0x7f);
    }

    /** The ID of the request being served (from the log context), or null outside a request. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }
}
