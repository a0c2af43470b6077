package io.vigil.policy.setting;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingUpdatesTest {

    @Test
    void setsNormalisedValuesAndResetsNullsToInherit() {
        Map<String, String> requested = new HashMap<>();
        requested.put("platformSettingHeartbeatInterval", "120 seconds");
        requested.put("platformSettingHeartbeatMissedAlertThreshold", null);
        Map<String, String> updated = SettingUpdates.apply(
                Map.of("platformSettingHeartbeatMissedAlertThreshold", "5", "platformSettingAgentCommunicationsDirection",
                        "Manager Initiated"), requested, SettingUpdates.ValueCheck.NONE);
        assertThat(updated).containsExactly(
                Map.entry("platformSettingAgentCommunicationsDirection", "Manager Initiated"),
                Map.entry("platformSettingHeartbeatInterval", "2 Minutes"));
    }

    @Test
    void reportsEveryUnknownSettingAndInvalidValueAtOnce() {
        Map<String, String> requested = new HashMap<>();
        requested.put("platformSettingHeartbeatInterval", "0 seconds");
        requested.put("noSuchSetting", "1");
        requested.put("platformSettingHeartbeatMissedAlertThreshold", "3");
        assertThatThrownBy(() -> SettingUpdates.apply(Map.of(), requested, SettingUpdates.ValueCheck.NONE))
                .isInstanceOfSatisfying(SettingUpdates.InvalidSettingsException.class, e -> assertThat(e.problems())
                        .extracting(InvalidSettingException::setting)
                        .containsExactlyInAnyOrder("platformSettingHeartbeatInterval", "noSuchSetting"));
    }

    @Test
    void unknownSettingNamesTheKnownOnes() {
        assertThatThrownBy(() -> SettingUpdates.apply(Map.of(), Map.of("x", "1"), SettingUpdates.ValueCheck.NONE))
                .isInstanceOfSatisfying(SettingUpdates.InvalidSettingsException.class, e -> {
                    assertThat(e.problems().getFirst().reason()).isEqualTo("unknown setting");
                    assertThat(e.problems().getFirst().allowed()).contains("platformSettingHeartbeatInterval");
                });
    }

    @Test
    void theExtraCheckSeesNormalisedValues() {
        SettingUpdates.ValueCheck refuseManager = (name, value) -> {
            if (value.equals("Manager Initiated")) {
                throw new InvalidSettingException(name.apiName(), value, "no", "yes");
            }
        };
        assertThatThrownBy(() -> SettingUpdates.apply(Map.of(),
                Map.of("platformSettingAgentCommunicationsDirection", "manager initiated"), refuseManager))
                .isInstanceOf(SettingUpdates.InvalidSettingsException.class);
    }

    @Test
    void theCurrentMapIsNotModified() {
        Map<String, String> current = new HashMap<>(Map.of("platformSettingHeartbeatInterval", "1 Minute"));
        SettingUpdates.apply(current, Map.of("platformSettingHeartbeatInterval", "2 minutes"),
                SettingUpdates.ValueCheck.NONE);
        assertThat(current).containsEntry("platformSettingHeartbeatInterval", "1 Minute");
    }
}
