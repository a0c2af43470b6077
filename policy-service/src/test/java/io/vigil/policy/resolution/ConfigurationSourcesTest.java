package io.vigil.policy.resolution;

import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.config.ConfigurationSource;
import io.vigil.policy.setting.SettingName;
import io.vigil.policy.tree.PolicyNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where each member of the agent's configuration document comes from, as published with it. */
class ConfigurationSourcesTest {

    static final PolicyNode BASE = new PolicyNode(1, null, "Base", "", Map.of());
    static final PolicyNode WEB = new PolicyNode(7, 1L, "Web", "",
            Map.of(SettingName.HEARTBEAT_INTERVAL, "2 Minutes"));

    @Test
    void everyDocumentMemberHasASourceAndNoOtherMemberDoes() {
        EffectiveSettings settings = SettingsResolver.resolvePolicy(List.of(BASE));
        List<String> members = ConfigFingerprint.document(settings.agentConfiguration()).properties().stream()
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(settings.configurationSources().keySet()).containsExactlyInAnyOrderElementsOf(members);
    }

    @Test
    void eachLevelIsNamedWithItsSettingAndPolicy() {
        EffectiveSettings settings = SettingsResolver.resolveComputer(List.of(WEB, BASE),
                Map.of(SettingName.CLOCK_CHANGE_THRESHOLD, "30 Minutes"), "physical");
        Map<String, ConfigurationSource> sources = settings.configurationSources();
        assertThat(sources.get("heartbeatIntervalSeconds")).isEqualTo(new ConfigurationSource(
                "platformSettingHeartbeatInterval", "policy", 7L, null));
        assertThat(sources.get("clockChangeThresholdSeconds")).isEqualTo(new ConfigurationSource(
                "platformSettingHeartbeatLocalTimeShiftAlertThreshold", "computer", null, null));
        assertThat(sources.get("listeningPortAllowedSources")).isEqualTo(new ConfigurationSource(
                "firewallSettingAgentListeningPortAllowedSources", "default", null, null));
        assertThat(sources.get("communicationsDirection").level()).isEqualTo("default");
    }

    @Test
    void theApplianceRuleIsNamedAsTheSource() {
        PolicyNode managerInitiated = new PolicyNode(9, 1L, "MI", "",
                Map.of(SettingName.COMMUNICATIONS_DIRECTION, "Manager Initiated"));
        EffectiveSettings settings = SettingsResolver.resolveComputer(List.of(managerInitiated, BASE), Map.of(),
                SettingsResolver.APPLIANCE);
        assertThat(settings.configurationSources().get("communicationsDirection")).isEqualTo(new ConfigurationSource(
                "platformSettingAgentCommunicationsDirection", "rule", null, Source.APPLIANCE_RULE));
    }
}
