package io.vigil.policy.publish;

import io.vigil.policy.tree.PolicyNode;
import io.vigil.policy.tree.PolicyTree;
import io.vigil.policy.setting.SettingName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ComputerDerivationsTest {

    static final PolicyTree TREE = new PolicyTree(List.of(new PolicyNode(1, null, "Base Policy", "", Map.of()),
            new PolicyNode(2, 1L, "Fast", "", Map.of(SettingName.HEARTBEAT_INTERVAL, "1 Minute"))));

    @Test
    void computersSharingTypePolicyAndSettingsShareOneDerivation() {
        ComputerDerivations derivations = new ComputerDerivations(TREE, new Derivation(), Instant.EPOCH);
        ComputerDerivations.Derived a = derivations.of("physical", 2, "{}");
        assertThat(derivations.of("physical", 2, "{}")).isSameAs(a);
        assertThat(derivations.of("appliance", 2, "{}")).isNotSameAs(a);
        assertThat(a.forComputer(42).computerID()).isEqualTo(42);
        assertThat(a.forComputer(43).heartbeatIntervalSeconds()).isEqualTo(60);
        assertThat(a.forComputer(43).policyID()).isEqualTo(2);
    }

    @Test
    void ownSettingsAndAMissingPolicyAreResolved() {
        ComputerDerivations derivations = new ComputerDerivations(TREE, new Derivation(), Instant.EPOCH);
        ComputerDerivations.Derived own = derivations.of("physical", 2,
                "{\"platformSettingHeartbeatInterval\":\"30 Seconds\"}");
        assertThat(own.forComputer(1).heartbeatIntervalSeconds()).isEqualTo(30);
        assertThat(own.digest()).isNotEqualTo(derivations.of("physical", 2, "{}").digest());
        ComputerDerivations.Derived orphan = derivations.of("physical", 99, "{}");
        assertThat(orphan.forComputer(1).policyID()).isEqualTo(1);
        assertThat(orphan.forComputer(1).heartbeatIntervalSeconds()).isEqualTo(600);
    }
}
