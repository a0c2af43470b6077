package io.vigil.registry.computer;

/**
 * Whether a computer runs the configuration the platform expects, as the {@code configuration} filter of
 * {@code GET /api/computers} and the summary name it: {@code up-to-date} (the reported fingerprint is the expected
 * one), {@code out-of-date} (both known, different), {@code unknown} (either not known yet). Only computers that are
 * not deactivated are counted or listed by it.
 */
public enum ConfigurationState {
    UP_TO_DATE("up-to-date"), OUT_OF_DATE("out-of-date"), UNKNOWN("unknown");

    private final String word;

    ConfigurationState(String word) {
        this.word = word;
    }

    /** The state of a pair of fingerprints (either may be null). */
    public static ConfigurationState of(String reported, String expected) {
        if (reported == null || expected == null) {
            return UNKNOWN;
        }
        return reported.equals(expected) ? UP_TO_DATE : OUT_OF_DATE;
    }

    @Override
    public String toString() {
        return word;
    }
}
