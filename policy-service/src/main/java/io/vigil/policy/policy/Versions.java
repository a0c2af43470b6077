package io.vigil.policy.policy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.console.rest.EntityTags;
import io.vigil.events.config.JsonCanonicalizer;
import io.vigil.policy.setting.SettingName;
import io.vigil.policy.tree.PolicyNode;

import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code ETag}s of what consoles write: a policy's version is what is set on it (name, description, parent and
 * its own settings), a computer's is its own settings (with its policy and type, which decide what they resolve to).
 * A value inherited from elsewhere changing does not change them. The tag is a digest of the RFC 8785 form.
 */
public final class Versions {

    private Versions() {
    }

    public static String policy(PolicyNode node) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("ID", node.id());
        state.put("name", node.name());
        state.put("description", node.description());
        if (node.parentID() == null) {
            state.putNull("parentID");
        } else {
            state.put("parentID", node.parentID());
        }
        ObjectNode settings = state.putObject("settings");
        byApiName(node.settings()).forEach(settings::put);
        return EntityTags.of(JsonCanonicalizer.canonicalize(state));
    }

    /** @param settings the computer's own settings by API name */
    public static String computer(long id, long policyID, String computerType, Map<String, String> settings) {
        ObjectNode state = JsonNodeFactory.instance.objectNode();
        state.put("ID", id);
        state.put("policyID", policyID);
        state.put("computerType", computerType);
        ObjectNode own = state.putObject("settings");
        new TreeMap<>(settings).forEach(own::put);
        return EntityTags.of(JsonCanonicalizer.canonicalize(state));
    }

    private static Map<String, String> byApiName(Map<SettingName, String> settings) {
        Map<String, String> named = new TreeMap<>();
        settings.forEach((name, value) -> named.put(name.apiName(), value));
        return named;
    }
}
