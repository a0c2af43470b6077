package io.vigil.policy.resolution;

import io.vigil.policy.setting.InvalidSettingException;
import io.vigil.policy.setting.SettingName;
import io.vigil.policy.setting.SettingValues;
import io.vigil.policy.tree.PolicyNode;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Inheritance: a setting not set at a level comes from the nearest level above (computer, its policy, that policy's
 * ancestors up to the Base Policy, then the contract default). A computer of type {@code appliance} always
 * communicates Bidirectionally.
 */
public final class SettingsResolver {

    public static final String APPLIANCE = "appliance";

    private SettingsResolver() {
    }

    /** A policy's effective settings; {@code chain} is the policy and its ancestors, nearest first. */
    public static EffectiveSettings resolvePolicy(List<PolicyNode> chain) {
        EnumMap<SettingName, ResolvedSetting> resolved = new EnumMap<>(SettingName.class);
        for (SettingName name : SettingName.values()) {
            resolved.put(name, fromPolicies(name, chain));
        }
        return new EffectiveSettings(resolved);
    }

    /** A computer's effective settings: its own overrides over its policy chain, then the appliance rule. */
    public static EffectiveSettings resolveComputer(List<PolicyNode> chain, Map<SettingName, String> overrides,
                                                    String computerType) {
        EnumMap<SettingName, ResolvedSetting> resolved = new EnumMap<>(SettingName.class);
        for (SettingName name : SettingName.values()) {
            String own = overrides.get(name);
            resolved.put(name, own != null ? new ResolvedSetting(own, Source.computer()) : fromPolicies(name, chain));
        }
        if (APPLIANCE.equals(computerType)
                && !SettingValues.BIDIRECTIONAL.equals(resolved.get(SettingName.COMMUNICATIONS_DIRECTION).value())) {
            resolved.put(SettingName.COMMUNICATIONS_DIRECTION,
                    new ResolvedSetting(SettingValues.BIDIRECTIONAL, Source.applianceRule()));
        }
        return new EffectiveSettings(resolved);
    }

    /** Refuses a computer-level value the appliance rule forbids ({@code value} already normalised). */
    public static void checkComputerOverride(String computerType, SettingName name, String value) {
        if (APPLIANCE.equals(computerType) && name == SettingName.COMMUNICATIONS_DIRECTION
                && !SettingValues.BIDIRECTIONAL.equals(value)) {
            throw new InvalidSettingException(name.apiName(), value,
                    "an appliance always communicates Bidirectionally", "\"Bidirectional\" (appliance)");
        }
    }

    private static ResolvedSetting fromPolicies(SettingName name, List<PolicyNode> chain) {
        for (PolicyNode policy : chain) {
            String value = policy.settings().get(name);
            if (value != null) {
                return new ResolvedSetting(value, Source.policy(policy.id()));
            }
        }
        return new ResolvedSetting(name.defaultValue(), Source.defaults());
    }
}
