package io.vigil.alerts.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/** An alert as the console REST API shows it (docs/console-api.md): times in epoch milliseconds. */
public record AlertView(@JsonProperty("ID") long id, String alertType, String name, String severity,
                        Long computerID, String hostName, long raisedAt, long lastOccurrenceAt, int occurrences,
                        String state, boolean dismissible, String description, JsonNode details) {
}
