package io.vigil.registry.status;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusRulesTest {

    static StatusRules.Status derive(boolean deactivated, boolean stopped, boolean offline, boolean heard,
                                     String reported, String expected) {
        return StatusRules.derive(new StatusRules.Inputs(deactivated, stopped, offline, heard, reported, expected));
    }

    @Test
    void deactivatedWinsOverEverything() {
        assertThat(derive(true, true, true, true, "a", "b"))
                .isEqualTo(new StatusRules.Status("inactive", java.util.List.of("Deactivated")));
    }

    @Test
    void stoppedVmWinsOverOffline() {
        assertThat(derive(false, true, true, true, "a", "a").agentStatus()).isEqualTo("vm-stopped");
        assertThat(derive(false, true, false, false, null, null).messages()).containsExactly("VM Stopped");
    }

    @Test
    void offlineWinsOverActive() {
        assertThat(derive(false, false, true, true, "a", "b").messages()).containsExactly("Offline");
        assertThat(derive(false, false, true, false, null, null).agentStatus()).isEqualTo("offline");
    }

    @Test
    void activatedBeforeTheFirstHeartbeat() {
        assertThat(derive(false, false, false, false, null, "b").messages()).containsExactly("Managed (Activated)");
    }

    @Test
    void onlineOrUpdatePendingByFingerprint() {
        assertThat(derive(false, false, false, true, "a", "a").messages()).containsExactly("Managed (Online)");
        assertThat(derive(false, false, false, true, "a", "b").messages())
                .containsExactly("Managed (Online) - Update Pending");
        assertThat(derive(false, false, false, true, "a", null).messages()).containsExactly("Managed (Online)");
        assertThat(derive(false, false, false, true, null, "b").messages()).containsExactly("Managed (Online)");
    }

    @Test
    void upToDateIsUnknownUntilBothFingerprintsAreKnown() {
        assertThat(StatusRules.upToDate("a", "a")).isTrue();
        assertThat(StatusRules.upToDate("a", "b")).isFalse();
        assertThat(StatusRules.upToDate(null, "b")).isNull();
        assertThat(StatusRules.upToDate("a", null)).isNull();
    }
}
