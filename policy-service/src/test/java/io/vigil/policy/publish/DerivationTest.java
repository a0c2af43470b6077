package io.vigil.policy.publish;

import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.config.PolicyConfiguration;
import io.vigil.policy.resolution.EffectiveSettings;
import io.vigil.policy.resolution.SettingsResolver;
import io.vigil.policy.setting.SettingName;
import io.vigil.policy.tree.PolicyNode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DerivationTest {

    static final PolicyNode BASE = new PolicyNode(1, null, "Base Policy", "", Map.of());
    static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    static EffectiveSettings settings(Map<SettingName, String> values) {
        return SettingsResolver.resolveComputer(List.of(BASE), values, "physical");
    }

    @Test
    void theComputerRecordCarriesTheDocumentItsFingerprintAndTheTypedValues() {
        ComputerConfiguration record = new Derivation().computer(42, 1, settings(Map.of()), AT);
        assertThat(record.computerID()).isEqualTo(42);
        assertThat(record.policyID()).isEqualTo(1);
        assertThat(record.configFingerprint()).isEqualTo(ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX);
        assertThat(record.heartbeatIntervalSeconds()).isEqualTo(600);
        assertThat(record.missedHeartbeatThreshold()).isEqualTo(2);
        assertThat(record.clockChangeThresholdSeconds()).isNull();
        assertThat(record.inactiveVmOfflineAlertEnabled()).isFalse();
        assertThat(record.settings()).containsEntry("platformSettingHeartbeatInterval", "10 Minutes").hasSize(6);
        assertThat(record.changedAt()).isEqualTo(AT);
    }

    @Test
    void aManagerOnlyChangeChangesTheDigestButNotTheFingerprint() {
        Derivation derivation = new Derivation();
        EffectiveSettings before = settings(Map.of());
        EffectiveSettings after = settings(Map.of(SettingName.MISSED_HEARTBEAT_THRESHOLD, "5"));
        assertThat(derivation.computerDigest(1, after)).isNotEqualTo(derivation.computerDigest(1, before));
        assertThat(derivation.computer(7, 1, after, AT).configFingerprint())
                .isEqualTo(derivation.computer(7, 1, before, AT).configFingerprint());
        EffectiveSettings vm = settings(Map.of(SettingName.INACTIVE_VM_OFFLINE_ALERT, "true"));
        assertThat(derivation.computerDigest(1, vm)).isNotEqualTo(derivation.computerDigest(1, before));
    }

    @Test
    void anAgentSettingChangeChangesBoth() {
        Derivation derivation = new Derivation();
        EffectiveSettings before = settings(Map.of());
        EffectiveSettings after = settings(Map.of(SettingName.HEARTBEAT_INTERVAL, "1 Minute"));
        assertThat(derivation.computerDigest(1, after)).isNotEqualTo(derivation.computerDigest(1, before));
        assertThat(derivation.computer(7, 1, after, AT).configFingerprint())
                .isNotEqualTo(derivation.computer(7, 1, before, AT).configFingerprint());
    }

    @Test
    void theDigestIsStableAndIncludesThePolicyAssignment() {
        EffectiveSettings settings = settings(Map.of());
        assertThat(new Derivation().computerDigest(1, settings)).isEqualTo(new Derivation().computerDigest(1, settings))
                .isNotEqualTo(new Derivation().computerDigest(2, settings)).hasSize(64);
    }

    @Test
    void thePolicyRecordAndDigestIncludeNameAndParent() {
        Derivation derivation = new Derivation();
        EffectiveSettings settings = settings(Map.of());
        PolicyNode child = new PolicyNode(7, 1L, "Web", "", Map.of());
        PolicyConfiguration record = derivation.policy(child, settings, AT);
        assertThat(record.policyID()).isEqualTo(7);
        assertThat(record.parentID()).isEqualTo(1L);
        assertThat(record.name()).isEqualTo("Web");
        assertThat(record.configFingerprint()).startsWith("sha256:");
        assertThat(derivation.policyDigest(child, settings))
                .isNotEqualTo(derivation.policyDigest(new PolicyNode(7, 1L, "Web servers", "", Map.of()), settings))
                .isNotEqualTo(derivation.policyDigest(new PolicyNode(7, 2L, "Web", "", Map.of()), settings))
                .isEqualTo(derivation.policyDigest(new PolicyNode(7, 1L, "Web", "other description", Map.of()),
                        settings));
        assertThat(derivation.policyDigest(BASE, settings)).hasSize(64);
    }
}
