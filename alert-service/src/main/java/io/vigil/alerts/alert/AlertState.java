package io.vigil.alerts.alert;

/** Where an alert is in its life: raised and active, then cleared (by itself) or dismissed (by a console user). */
public enum AlertState {
    ACTIVE("active"), CLEARED("cleared"), DISMISSED("dismissed");

    private final String id;

    AlertState(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }
}
