package io.vigil.events.alert;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** An alert as the REST API shows it, carried on {@code vigil.alerts} (times as RFC 3339 in events). */
public record AlertData(@JsonProperty("ID") long id, String alertType, String name, String severity, Long computerID,
                        String hostName, Instant raisedAt, Instant lastOccurrenceAt, int occurrences, String state,
                        boolean dismissible, String description, JsonNode details) {
}
