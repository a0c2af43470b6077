package io.vigil.alerts.alert;

/** The {@code state} filter of {@code GET /api/alerts}: an alert state, or {@code all}. */
public enum AlertStateFilter {
    ACTIVE, DISMISSED, CLEARED, ALL;

    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
