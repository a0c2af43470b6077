package io.vigil.siem.format;

import io.vigil.siem.cef.CefSeverity;

import java.time.Instant;

/**
 * One formatted message, ready to frame: what a receiver filters on (kind, severity) and the RFC 5424 parts.
 *
 * @param msgId the RFC 5424 MSGID: the alertType, {@code agent-event} or {@code audit}
 * @param time  the RFC 5424 TIMESTAMP (the CloudEvents time: when it happened)
 * @param cef   the CEF line, the syslog MSG
 */
public record Outbound(Kind kind, CefSeverity severity, String msgId, Instant time, String cef) {
}
