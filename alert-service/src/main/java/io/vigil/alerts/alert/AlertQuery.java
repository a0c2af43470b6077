package io.vigil.alerts.alert;

import io.vigil.console.ProblemException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validated filters and paging of {@code GET /api/alerts}: {@code state} (active, dismissed, cleared, all; default
 * all), {@code computerID}, {@code alertType}, {@code limit} (1..1000, default 100), {@code after} (last ID seen).
 */
public record AlertQuery(String state, Long computerID, String alertType, int limit, long after) {

    public static AlertQuery parse(String state, String computerID, String alertType, String limit, String after) {
        String parsedState = state == null || state.isBlank() ? "all" : state.toLowerCase(Locale.ROOT);
        if (!List.of("active", "dismissed", "cleared", "all").contains(parsedState)) {
            throw ProblemException.invalid("state", "must be active, dismissed, cleared or all", state,
                    "active|dismissed|cleared|all");
        }
        if (alertType != null && AlertType.fromId(alertType).isEmpty()) {
            throw ProblemException.invalid("alertType", "unknown alert type", alertType,
                    "agent-offline|clock-change|platform-outage");
        }
        Long computer = computerID == null ? null : number("computerID", computerID, 1, Long.MAX_VALUE);
        int pageSize = limit == null ? 100 : (int) number("limit", limit, 1, 1000);
        long afterId = after == null ? 0 : number("after", after, 0, Long.MAX_VALUE);
        return new AlertQuery(parsedState, computer, alertType, pageSize, afterId);
    }

    private static long number(String name, String value, long min, long max) {
        try {
            long parsed = Long.parseLong(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max, value,
                min + ".." + max);
    }

    /** The Panache query and its parameters, ascending by ID. */
    public String where() {
        List<String> terms = new ArrayList<>();
        terms.add("id > :after");
        if (!"all".equals(state)) {
            terms.add("state = :state");
        }
        if (computerID != null) {
            terms.add("computerId = :computerID");
        }
        if (alertType != null) {
            terms.add("alertType = :alertType");
        }
        return String.join(" and ", terms) + " order by id";
    }

    public java.util.Map<String, Object> parameters() {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("after", after);
        if (!"all".equals(state)) {
            params.put("state", state);
        }
        if (computerID != null) {
            params.put("computerID", computerID);
        }
        if (alertType != null) {
            params.put("alertType", alertType);
        }
        return params;
    }
}
