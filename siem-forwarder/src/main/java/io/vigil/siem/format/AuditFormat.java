package io.vigil.siem.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.siem.cef.CefLine;
import io.vigil.siem.cef.CefSeverity;
import io.vigil.siem.cef.Signatures;

/**
 * {@code vigil.audit.v1} to CEF: signature 90100, the action as name and {@code act}, the actor as {@code suser},
 * the computer (from the CloudEvents subject) where the write concerns one, before and after in {@code msg}.
 */
final class AuditFormat {

    static final String MSG_ID = "audit";

    private final String version;
    private final ComputerLookup computers;

    AuditFormat(String version, ComputerLookup computers) {
        this.version = version;
        this.computers = computers;
    }

    Outbound format(CloudEvent<AuditRecord> event) {
        AuditRecord audit = event.data();
        if (audit.action() == null || audit.action().isBlank()) {
            throw new FormatException("audit event " + event.id() + " has no action");
        }
        String action = Extensions.field(audit.action());
        CefLine line = CefLine.header(version, Signatures.AUDIT, action, CefSeverity.INFO)
                .ext("rt", audit.at() != null ? Extensions.epochMillis(audit.at(), "at")
                        : Extensions.epochMillis(event.time(), "time"));
        Extensions.device(line, computerID(event.subject()), null, computers);
        line.ext("externalId", Extensions.field(event.id()))
                .ext("act", action)
                .ext("suser", Extensions.field(audit.actor()))
                .customString(2, "resource", Extensions.field(resource(audit)))
                .customString(3, "service", Extensions.field(audit.service()))
                .ext("msg", Extensions.truncate("before=" + json(audit.before()) + " after=" + json(audit.after())));
        return new Outbound(Kind.AUDIT, CefSeverity.INFO, MSG_ID, event.time(), line.toString());
    }

    private static Long computerID(String subject) {
        if (subject == null || subject.isEmpty() || subject.length() > 18 || !subject.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.parseLong(subject);
    }

    private static String resource(AuditRecord audit) {
        if (audit.resource() == null) {
            return null;
        }
        return audit.resourceID() == null ? audit.resource() : audit.resource() + ":" + audit.resourceID();
    }

    private static String json(JsonNode node) {
        return node == null ? "null" : node.toString();
    }
}
