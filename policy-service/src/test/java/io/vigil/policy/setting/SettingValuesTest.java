package io.vigil.policy.setting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static io.vigil.policy.setting.SettingName.CLOCK_CHANGE_THRESHOLD;
import static io.vigil.policy.setting.SettingName.COMMUNICATIONS_DIRECTION;
import static io.vigil.policy.setting.SettingName.HEARTBEAT_INTERVAL;
import static io.vigil.policy.setting.SettingName.INACTIVE_VM_OFFLINE_ALERT;
import static io.vigil.policy.setting.SettingName.LISTENING_PORT_ALLOWED_SOURCES;
import static io.vigil.policy.setting.SettingName.MISSED_HEARTBEAT_THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettingValuesTest {

    @ParameterizedTest
    @CsvSource({"1 second, 1 Second", "30 Seconds, 30 Seconds", "60 seconds, 1 Minute", "1 MINUTE, 1 Minute",
            "10 minutes, 10 Minutes", "2 hours, 2 Hours", "1440 minutes, 24 Hours", "86400 seconds, 24 Hours",
            "90 seconds, 90 Seconds"})
    void heartbeatInterval(String value, String normalised) {
        assertThat(HEARTBEAT_INTERVAL.normalise(value)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0 seconds", "86401 seconds", "25 hours", "1441 minutes", "Unlimited", "10", "", " "})
    void heartbeatIntervalOutOfRangeOrMalformed(String value) {
        assertThatThrownBy(() -> HEARTBEAT_INTERVAL.normalise(value)).isInstanceOfSatisfying(
                InvalidSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("platformSettingHeartbeatInterval");
                    assertThat(e.value()).isEqualTo(value);
                    assertThat(e.allowed()).contains("1 Second").contains("24 Hours");
                });
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "2, 2", "100, 100", "007, 7", "' 3 ', 3", "Unlimited, Unlimited", "unlimited, Unlimited",
            "UNLIMITED, Unlimited"})
    void missedHeartbeatThreshold(String value, String normalised) {
        assertThat(MISSED_HEARTBEAT_THRESHOLD.normalise(value)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"101", "-1", "1.5", "two", "", "1e2", "+3", "1000000000000", "Infinite"})
    void missedHeartbeatThresholdRefused(String value) {
        assertThatThrownBy(() -> MISSED_HEARTBEAT_THRESHOLD.normalise(value))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.allowed()).isEqualTo("\"0\" to \"100\", or \"Unlimited\""));
    }

    @ParameterizedTest
    @CsvSource({"Unlimited, Unlimited", "unlimited, Unlimited", "10 seconds, 10 Seconds", "1 hour, 1 Hour",
            "24 hours, 24 Hours", "300 seconds, 5 Minutes"})
    void clockChangeThreshold(String value, String normalised) {
        assertThat(CLOCK_CHANGE_THRESHOLD.normalise(value)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"9 seconds", "1 second", "25 hours", "86401 seconds", "0", "never"})
    void clockChangeThresholdRefused(String value) {
        assertThatThrownBy(() -> CLOCK_CHANGE_THRESHOLD.normalise(value))
                .isInstanceOf(InvalidSettingException.class);
    }

    @ParameterizedTest
    @CsvSource({"true, true", "false, false", "TRUE, true", "False, false", "' true ', true"})
    void inactiveVmOfflineAlert(String value, String normalised) {
        assertThat(INACTIVE_VM_OFFLINE_ALERT.normalise(value)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "0", "", "truee"})
    void inactiveVmOfflineAlertRefused(String value) {
        assertThatThrownBy(() -> INACTIVE_VM_OFFLINE_ALERT.normalise(value))
                .isInstanceOf(InvalidSettingException.class);
    }

    @ParameterizedTest
    @CsvSource({"Bidirectional, Bidirectional", "bidirectional, Bidirectional",
            "Manager Initiated, Manager Initiated", "manager  initiated, Manager Initiated",
            "Agent/Appliance Initiated, Agent/Appliance Initiated", "AGENT/APPLIANCE INITIATED, Agent/Appliance Initiated"})
    void communicationsDirection(String value, String normalised) {
        assertThat(COMMUNICATIONS_DIRECTION.normalise(value)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Agent Initiated", "Both", "", "ManagerInitiated"})
    void communicationsDirectionRefused(String value) {
        assertThatThrownBy(() -> COMMUNICATIONS_DIRECTION.normalise(value))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.allowed()).contains("Agent/Appliance Initiated"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Any|Any", "any|Any", "10.0.0.1|10.0.0.1", "10.0.0.2, 10.0.0.1|10.0.0.1,10.0.0.2",
            "AA-BB-CC-DD-EE-FF, 10.0.0.1|10.0.0.1,aa:bb:cc:dd:ee:ff"})
    void listeningPortAllowedSources(String value, String normalised) {
        assertThat(LISTENING_PORT_ALLOWED_SOURCES.normalise(value)).isEqualTo(normalised);
    }

    @Test
    void listeningPortAllowedSourcesRefusedNamesTheEntry() {
        assertThatThrownBy(() -> LISTENING_PORT_ALLOWED_SOURCES.normalise("10.0.0.1, web-01"))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.reason()).contains("web-01");
                    assertThat(e.allowed()).contains("Any").contains("MAC");
                });
    }

    @ParameterizedTest
    @EnumSource(SettingName.class)
    void everyDefaultIsItsOwnNormalForm(SettingName setting) {
        assertThat(setting.normalise(setting.defaultValue())).isEqualTo(setting.defaultValue());
    }

    @ParameterizedTest
    @EnumSource(SettingName.class)
    void nullIsRefusedForEverySetting(SettingName setting) {
        assertThatThrownBy(() -> setting.normalise(null)).isInstanceOfSatisfying(InvalidSettingException.class,
                e -> assertThat(e.setting()).isEqualTo(setting.apiName()));
    }

    @Test
    void contractNamesAndDefaults() {
        assertThat(SettingName.values()).extracting(SettingName::apiName, SettingName::defaultValue,
                SettingName::managerOnly).containsExactly(
                org.assertj.core.groups.Tuple.tuple("platformSettingHeartbeatInterval", "10 Minutes", false),
                org.assertj.core.groups.Tuple.tuple("platformSettingHeartbeatMissedAlertThreshold", "2", true),
                org.assertj.core.groups.Tuple.tuple("platformSettingHeartbeatLocalTimeShiftAlertThreshold",
                        "Unlimited", false),
                org.assertj.core.groups.Tuple.tuple("platformSettingHeartbeatInactiveVmOfflineAlertEnabled",
                        "false", true),
                org.assertj.core.groups.Tuple.tuple("platformSettingAgentCommunicationsDirection", "Bidirectional",
                        false),
                org.assertj.core.groups.Tuple.tuple("firewallSettingAgentListeningPortAllowedSources", "Any",
                        false));
        assertThat(SettingName.byApiName("platformSettingHeartbeatInterval")).contains(HEARTBEAT_INTERVAL);
        assertThat(SettingName.byApiName("nope")).isEmpty();
    }
}
