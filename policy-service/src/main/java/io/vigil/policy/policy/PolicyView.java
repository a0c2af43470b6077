package io.vigil.policy.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vigil.policy.resolution.SettingsResolver;
import io.vigil.policy.setting.SettingName;
import io.vigil.policy.tree.PolicyNode;
import io.vigil.policy.tree.PolicyTree;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A policy in the console API.
 *
 * @param policySettings effective values, or only those set on this policy ({@code overrides=true})
 */
public record PolicyView(@JsonProperty("ID") long id, String name, String description, Long parentID,
                         Map<String, SettingValue> policySettings) {

    public static PolicyView of(PolicyTree tree, long id, boolean overrides) {
        PolicyNode node = tree.get(id);
        Map<String, SettingValue> settings = new LinkedHashMap<>();
        if (overrides) {
            for (SettingName name : SettingName.values()) {
                String value = node.settings().get(name);
                if (value != null) {
                    settings.put(name.apiName(), new SettingValue(value));
                }
            }
        } else {
            SettingsResolver.resolvePolicy(tree.chain(id)).values()
                    .forEach((name, value) -> settings.put(name, new SettingValue(value)));
        }
        return new PolicyView(node.id(), node.name(), node.description(), node.parentID(), settings);
    }
}
