package io.vigil.policy.publish;

import io.vigil.events.config.ComputerConfiguration;
import io.vigil.policy.policy.SettingsColumn;
import io.vigil.policy.resolution.EffectiveSettings;
import io.vigil.policy.resolution.SettingsResolver;
import io.vigil.policy.tree.PolicyTree;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Derivations for one page of computers, memoised by (type, policy, own settings): computers that share them (most
 * of a fan-out) share one resolution, digest and record.
 */
final class ComputerDerivations {

    private static final Logger LOG = Logger.getLogger(ComputerDerivations.class);

    /** What a computer publishes, without its ID. */
    record Derived(String digest, ComputerConfiguration template) {
        ComputerConfiguration forComputer(long computerID) {
            ComputerConfiguration t = template;
            return new ComputerConfiguration(computerID, t.policyID(), t.settings(), t.configuration(),
                    t.configFingerprint(), t.heartbeatIntervalSeconds(), t.missedHeartbeatThreshold(),
                    t.clockChangeThresholdSeconds(), t.inactiveVmOfflineAlertEnabled(), t.changedAt(),
                    t.configurationSources());
        }
    }

    private record Key(String type, long policyId, String settings) {
    }

    private final PolicyTree tree;
    private final Derivation derivation;
    private final Instant at;
    private final Map<Key, Derived> cache = new HashMap<>();

    ComputerDerivations(PolicyTree tree, Derivation derivation, Instant at) {
        this.tree = tree;
        this.derivation = derivation;
        this.at = at;
    }

    Derived of(String computerType, long assignedPolicyId, String settingsColumn) {
        return cache.computeIfAbsent(new Key(computerType, assignedPolicyId, settingsColumn), this::derive);
    }

    private Derived derive(Key key) {
        long policyId = tree.contains(key.policyId()) ? key.policyId() : PolicyTree.BASE_POLICY_ID;
        if (policyId != key.policyId()) {
            LOG.warnf("policy %s does not exist: its computers get the Base Policy", key.policyId());
        }
        EffectiveSettings settings = SettingsResolver.resolveComputer(tree.chain(policyId),
                SettingsColumn.typed(new SettingsColumn().convertToEntityAttribute(key.settings())), key.type());
        return new Derived(derivation.computerDigest(policyId, settings),
                derivation.computer(0, policyId, settings, at));
    }
}
