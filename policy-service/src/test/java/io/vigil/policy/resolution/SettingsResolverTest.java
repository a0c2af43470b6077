package io.vigil.policy.resolution;

import io.vigil.events.config.AgentConfiguration;
import io.vigil.policy.setting.InvalidSettingException;
import io.vigil.policy.setting.SettingName;
import io.vigil.policy.tree.PolicyNode;
import io.vigil.policy.tree.PolicyTree;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static io.vigil.policy.setting.SettingName.CLOCK_CHANGE_THRESHOLD;
import static io.vigil.policy.setting.SettingName.COMMUNICATIONS_DIRECTION;
import static io.vigil.policy.setting.SettingName.HEARTBEAT_INTERVAL;
import static io.vigil.policy.setting.SettingName.INACTIVE_VM_OFFLINE_ALERT;
import static io.vigil.policy.setting.SettingName.LISTENING_PORT_ALLOWED_SOURCES;
import static io.vigil.policy.setting.SettingName.MISSED_HEARTBEAT_THRESHOLD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

class SettingsResolverTest {

    static PolicyNode policy(long id, Long parent, Map<SettingName, String> settings) {
        return new PolicyNode(id, parent, "P" + id, "", settings);
    }

    static final PolicyNode BASE = policy(1, null, Map.of());

    @ParameterizedTest
    @EnumSource(SettingName.class)
    void withNothingSetEveryValueIsTheContractDefault(SettingName name) {
        EffectiveSettings settings = SettingsResolver.resolvePolicy(List.of(BASE));
        assertThat(settings.get(name)).isEqualTo(new ResolvedSetting(name.defaultValue(), Source.defaults()));
    }

    @Test
    void basePolicyDefaultsGiveTheContractDocument() {
        EffectiveSettings settings = SettingsResolver.resolvePolicy(List.of(BASE));
        assertThat(settings.agentConfiguration())
                .isEqualTo(new AgentConfiguration(600, "Bidirectional", null, List.of("any")));
        assertThat(settings.missedHeartbeatThreshold()).isEqualTo(2);
        assertThat(settings.inactiveVmOfflineAlertEnabled()).isFalse();
        assertThat(settings.heartbeatIntervalSeconds()).isEqualTo(600);
        assertThat(settings.clockChangeThresholdSeconds()).isNull();
    }

    @Test
    void theNearestLevelWinsAtEveryLevel() {
        PolicyNode base = policy(1, null, Map.of(HEARTBEAT_INTERVAL, "5 Minutes", MISSED_HEARTBEAT_THRESHOLD, "3",
                CLOCK_CHANGE_THRESHOLD, "1 Hour"));
        PolicyNode middle = policy(2, 1L, Map.of(HEARTBEAT_INTERVAL, "2 Minutes", MISSED_HEARTBEAT_THRESHOLD, "4"));
        PolicyNode leaf = policy(3, 2L, Map.of(HEARTBEAT_INTERVAL, "1 Minute"));
        EffectiveSettings settings = SettingsResolver.resolveComputer(List.of(leaf, middle, base),
                Map.of(INACTIVE_VM_OFFLINE_ALERT, "true"), "physical");
        assertThat(settings.get(HEARTBEAT_INTERVAL)).isEqualTo(new ResolvedSetting("1 Minute", Source.policy(3)));
        assertThat(settings.get(MISSED_HEARTBEAT_THRESHOLD)).isEqualTo(new ResolvedSetting("4", Source.policy(2)));
        assertThat(settings.get(CLOCK_CHANGE_THRESHOLD)).isEqualTo(new ResolvedSetting("1 Hour", Source.policy(1)));
        assertThat(settings.get(INACTIVE_VM_OFFLINE_ALERT)).isEqualTo(new ResolvedSetting("true", Source.computer()));
        assertThat(settings.get(COMMUNICATIONS_DIRECTION).source()).isEqualTo(Source.defaults());
        assertThat(settings.get(LISTENING_PORT_ALLOWED_SOURCES).source()).isEqualTo(Source.defaults());
    }

    @Test
    void aComputerOverrideBeatsEveryPolicy() {
        PolicyNode base = policy(1, null, Map.of(HEARTBEAT_INTERVAL, "5 Minutes"));
        PolicyNode leaf = policy(2, 1L, Map.of(HEARTBEAT_INTERVAL, "1 Minute"));
        EffectiveSettings settings = SettingsResolver.resolveComputer(List.of(leaf, base),
                Map.of(HEARTBEAT_INTERVAL, "30 Seconds"), "physical");
        assertThat(settings.get(HEARTBEAT_INTERVAL)).isEqualTo(new ResolvedSetting("30 Seconds", Source.computer()));
        assertThat(settings.heartbeatIntervalSeconds()).isEqualTo(30);
    }

    @Test
    void resetInTheMiddleOfAChainInheritsFromFurtherUp() {
        PolicyNode base = policy(1, null, Map.of(HEARTBEAT_INTERVAL, "5 Minutes"));
        PolicyNode middleReset = policy(2, 1L, Map.of());
        PolicyNode leaf = policy(3, 2L, Map.of());
        assertThat(SettingsResolver.resolvePolicy(List.of(leaf, middleReset, base)).get(HEARTBEAT_INTERVAL))
                .isEqualTo(new ResolvedSetting("5 Minutes", Source.policy(1)));
        PolicyNode middleSet = policy(2, 1L, Map.of(HEARTBEAT_INTERVAL, "20 Minutes"));
        assertThat(SettingsResolver.resolvePolicy(List.of(leaf, middleSet, base)).get(HEARTBEAT_INTERVAL))
                .isEqualTo(new ResolvedSetting("20 Minutes", Source.policy(2)));
    }

    @Test
    void aMoveChangesTheChainAndSoTheInheritedValue() {
        PolicyNode base = policy(1, null, Map.of());
        PolicyNode a = policy(2, 1L, Map.of(HEARTBEAT_INTERVAL, "1 Minute"));
        PolicyNode b = policy(3, 1L, Map.of(HEARTBEAT_INTERVAL, "1 Hour"));
        PolicyNode child = policy(4, 2L, Map.of());
        PolicyTree before = new PolicyTree(List.of(base, a, b, child));
        PolicyTree after = new PolicyTree(List.of(base, a, b, policy(4, 3L, Map.of())));
        assertThat(SettingsResolver.resolvePolicy(before.chain(4)).get(HEARTBEAT_INTERVAL))
                .isEqualTo(new ResolvedSetting("1 Minute", Source.policy(2)));
        assertThat(SettingsResolver.resolvePolicy(after.chain(4)).get(HEARTBEAT_INTERVAL))
                .isEqualTo(new ResolvedSetting("1 Hour", Source.policy(3)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Manager Initiated", "Agent/Appliance Initiated"})
    void anApplianceReplacesAnInheritedOtherDirectionAndSaysSo(String direction) {
        PolicyNode base = policy(1, null, Map.of(COMMUNICATIONS_DIRECTION, direction));
        EffectiveSettings appliance = SettingsResolver.resolveComputer(List.of(base), Map.of(), "appliance");
        assertThat(appliance.get(COMMUNICATIONS_DIRECTION))
                .isEqualTo(new ResolvedSetting("Bidirectional", Source.applianceRule()));
        assertThat(appliance.get(COMMUNICATIONS_DIRECTION).source().rule()).isEqualTo("appliance-bidirectional");
        assertThat(appliance.get(COMMUNICATIONS_DIRECTION).source().level()).isEqualTo("rule");
        assertThat(appliance.agentConfiguration().communicationsDirection()).isEqualTo("Bidirectional");
        EffectiveSettings physical = SettingsResolver.resolveComputer(List.of(base), Map.of(), "physical");
        assertThat(physical.get(COMMUNICATIONS_DIRECTION)).isEqualTo(new ResolvedSetting(direction, Source.policy(1)));
    }

    @Test
    void anApplianceThatInheritsBidirectionalKeepsTheRealSource() {
        PolicyNode base = policy(1, null, Map.of(COMMUNICATIONS_DIRECTION, "Bidirectional"));
        assertThat(SettingsResolver.resolveComputer(List.of(base), Map.of(), "appliance").get(COMMUNICATIONS_DIRECTION))
                .isEqualTo(new ResolvedSetting("Bidirectional", Source.policy(1)));
        assertThat(SettingsResolver.resolveComputer(List.of(BASE), Map.of(), "appliance").get(COMMUNICATIONS_DIRECTION))
                .isEqualTo(new ResolvedSetting("Bidirectional", Source.defaults()));
    }

    @Test
    void anApplianceWithAStaleComputerOverrideStillRunsBidirectional() {
        EffectiveSettings settings = SettingsResolver.resolveComputer(List.of(BASE),
                Map.of(COMMUNICATIONS_DIRECTION, "Manager Initiated"), "appliance");
        assertThat(settings.get(COMMUNICATIONS_DIRECTION))
                .isEqualTo(new ResolvedSetting("Bidirectional", Source.applianceRule()));
    }

    @Test
    void theApplianceRuleRefusesAComputerOverrideToAnotherDirection() {
        assertThatThrownBy(() -> SettingsResolver.checkComputerOverride("appliance", COMMUNICATIONS_DIRECTION,
                "Manager Initiated")).isInstanceOfSatisfying(InvalidSettingException.class, e -> {
                    assertThat(e.setting()).isEqualTo("platformSettingAgentCommunicationsDirection");
                    assertThat(e.value()).isEqualTo("Manager Initiated");
                    assertThat(e.reason()).contains("appliance");
                });
        assertThatNoException().isThrownBy(() -> SettingsResolver.checkComputerOverride("appliance",
                COMMUNICATIONS_DIRECTION, "Bidirectional"));
        assertThatNoException().isThrownBy(() -> SettingsResolver.checkComputerOverride("physical",
                COMMUNICATIONS_DIRECTION, "Manager Initiated"));
        assertThatNoException().isThrownBy(() -> SettingsResolver.checkComputerOverride("appliance",
                HEARTBEAT_INTERVAL, "1 Minute"));
    }

    @Test
    void typedViewsOfNonDefaultValues() {
        PolicyNode base = policy(1, null, Map.of(MISSED_HEARTBEAT_THRESHOLD, "Unlimited",
                CLOCK_CHANGE_THRESHOLD, "5 Minutes", INACTIVE_VM_OFFLINE_ALERT, "true",
                LISTENING_PORT_ALLOWED_SOURCES, "10.0.0.0/8,aa:bb:cc:dd:ee:ff", HEARTBEAT_INTERVAL, "2 Hours"));
        EffectiveSettings settings = SettingsResolver.resolvePolicy(List.of(base));
        assertThat(settings.missedHeartbeatThreshold()).isNull();
        assertThat(settings.clockChangeThresholdSeconds()).isEqualTo(300L);
        assertThat(settings.inactiveVmOfflineAlertEnabled()).isTrue();
        assertThat(settings.agentConfiguration()).isEqualTo(new AgentConfiguration(7200, "Bidirectional", 300L,
                List.of("10.0.0.0/8", "aa:bb:cc:dd:ee:ff")));
        assertThat(settings.values()).containsEntry("platformSettingHeartbeatMissedAlertThreshold", "Unlimited")
                .hasSize(6);
    }

    @Test
    void managerOnlySettingsAreNotInTheAgentDocument() {
        EffectiveSettings plain = SettingsResolver.resolvePolicy(List.of(BASE));
        EffectiveSettings managerOnly = SettingsResolver.resolvePolicy(List.of(policy(1, null,
                Map.of(MISSED_HEARTBEAT_THRESHOLD, "7", INACTIVE_VM_OFFLINE_ALERT, "true"))));
        assertThat(managerOnly.agentConfiguration()).isEqualTo(plain.agentConfiguration());
        assertThat(managerOnly).isNotEqualTo(plain);
    }
}
