package io.vigil.registry.token;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Arrays;
import java.util.List;

/** DSM's choice for an activation whose host name is already active ({@code onDuplicateHostName}). */
public enum DuplicateRule {
    /** The existing computer gets the new certificate; its old one is revoked. The default. */
    @JsonProperty("reactivate")
    REACTIVATE("reactivate"),
    /** A new computer is created; the old one is deactivated (superseded) so one host name has one live identity. */
    @JsonProperty("new-computer")
    NEW_COMPUTER("new-computer"),
    /** The activation is refused with 409. */
    @JsonProperty("reject")
    REJECT("reject");

    public static final List<String> NAMES = Arrays.stream(values()).map(DuplicateRule::word).toList();

    private final String word;

    DuplicateRule(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    @Override
    public String toString() {
        return word;
    }

    public static DuplicateRule of(String word) {
        return Arrays.stream(values()).filter(r -> r.word.equals(word)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown duplicate rule " + word));
    }
}
