package io.vigil.alerts.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * Validated filters and paging of {@code GET /api/alerts}: {@code state} (active, dismissed, cleared, all; default
 * all), {@code computerID}, {@code alertType}, {@code limit} (1..1000, default 100), {@code after} (last ID seen).
 * Null filters are not applied.
 */
public record AlertQuery(String state, Long computerID, String alertType, int limit, long after) {

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
