package io.vigil.alerts.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.events.EventJson;
import io.vigil.events.alert.AlertData;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Maps stored alerts to their REST and event forms, explicitly. */
public final class AlertMapper {

    private AlertMapper() {
    }

    public static AlertView toView(AlertEntity alert) {
        AlertType type = alert.type();
        return new AlertView(alert.id, type.id(), type.title(), type.severity(), alert.computerId, alert.hostName,
                alert.raisedAt.toEpochMilli(), alert.lastOccurrenceAt.toEpochMilli(), alert.occurrences,
                alert.state, type.dismissible(), type.description(), details(alert));
    }

    public static AlertData toData(AlertEntity alert) {
        AlertType type = alert.type();
        return new AlertData(alert.id, type.id(), type.title(), type.severity(), alert.computerId, alert.hostName,
                alert.raisedAt, alert.lastOccurrenceAt, alert.occurrences, alert.state, type.dismissible(),
                type.description(), details(alert));
    }

    public static ObjectNode details(AlertEntity alert) {
        try {
            JsonNode node = EventJson.mapper().readTree(alert.details);
            return node instanceof ObjectNode object ? object : EventJson.mapper().createObjectNode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode newDetails() {
        return EventJson.mapper().createObjectNode();
    }
}
