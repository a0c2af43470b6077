package io.vigil.siem.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.alert.AlertData;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.siem.cef.CefLine;
import io.vigil.siem.cef.CefSeverity;
import io.vigil.siem.cef.Signatures;

/** {@code vigil.alert.<act>.v1} to CEF: MSGID = the alertType, {@code act} = raised|updated|cleared|dismissed. */
final class AlertFormat {

    private final String version;
    private final ComputerLookup computers;

    AlertFormat(String version, ComputerLookup computers) {
        this.version = version;
        this.computers = computers;
    }

    Outbound format(CloudEvent<AlertData> event) {
        AlertData alert = event.data();
        Signatures.Entry signature = Signatures.alert(alert.alertType())
                .orElseThrow(() -> new FormatException("no signature ID for alertType " + alert.alertType()));
        CefSeverity severity = CefSeverity.of(alert.severity())
                .orElseThrow(() -> new FormatException("unknown severity " + alert.severity()));
        String name = alert.name() == null || alert.name().isBlank() ? signature.name() : Extensions.field(alert.name());
        CefLine line = CefLine.header(version, signature.signatureID(), name, severity)
                .ext("rt", Extensions.epochMillis(event.time(), "time"));
        Extensions.device(line, alert.computerID(), alert.hostName(), computers);
        line.ext("externalId", Extensions.field(event.id()))
                .ext("act", act(event.type()))
                .ext("cnt", alert.occurrences())
                .ext("cn1Label", "alertID").ext("cn1", alert.id())
                .ext("msg", message(alert));
        return new Outbound(Kind.ALERTS, severity, alert.alertType(), event.time(), line.toString());
    }

    /** {@code vigil.alert.raised.v1} gives {@code raised}. */
    static String act(String type) {
        String rest = type.substring("vigil.alert.".length());
        return rest.substring(0, rest.indexOf('.'));
    }

    private static String message(AlertData alert) {
        JsonNode details = alert.details();
        String text = alert.description() == null ? alert.name() : alert.description();
        if (details == null || details.isEmpty()) {
            return Extensions.truncate(text);
        }
        return Extensions.truncate((text == null ? "" : text + " ") + details);
    }
}
