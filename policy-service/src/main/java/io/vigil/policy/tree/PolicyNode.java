package io.vigil.policy.tree;

import io.vigil.policy.setting.SettingName;

import java.util.Map;

/**
 * One policy as the tree rules see it.
 *
 * @param parentID null only for the Base Policy
 * @param settings the settings set on this policy (normalised values); the others are inherited
 */
public record PolicyNode(long id, Long parentID, String name, String description, Map<SettingName, String> settings) {

    public PolicyNode {
        settings = Map.copyOf(settings);
    }
}
