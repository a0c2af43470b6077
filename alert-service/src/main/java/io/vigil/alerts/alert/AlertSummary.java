package io.vigil.alerts.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/alerts/summary}: the open ({@code active}) alerts by type and by severity. Every type and every
 * severity is listed, with 0 where none is open; a type's severity is fixed, so {@code bySeverity} adds up the types.
 */
@Schema(description = "Open (active) alerts: the total, by type and by severity; every type and severity listed.")
public record AlertSummary(long open, List<ByType> byType, List<BySeverity> bySeverity) {

    /** Open alerts of one type (the {@code alertType} filter of the list). */
    public record ByType(String alertType, String name, String severity, long open) {
    }

    public record BySeverity(String severity, long open) {
    }

    /** The summary of the open alerts counted by type ID; a type ID that is no type is not counted. */
    public static AlertSummary of(Map<String, Long> openByType) {
        List<ByType> types = new ArrayList<>();
        Map<String, Long> severities = new LinkedHashMap<>();
        long total = 0;
        for (AlertType type : AlertType.values()) {
            long n = openByType.getOrDefault(type.id(), 0L);
            types.add(new ByType(type.id(), type.title(), type.severity(), n));
            severities.merge(type.severity(), n, Long::sum);
            total += n;
        }
        List<BySeverity> bySeverity = new ArrayList<>();
        severities.forEach((severity, n) -> bySeverity.add(new BySeverity(severity, n)));
        return new AlertSummary(total, types, bySeverity);
    }
}
