package io.vigil.policy.setting;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Applies requested setting changes (value, or null to inherit) to the settings set on one level. */
public final class SettingUpdates {

    private SettingUpdates() {
    }

    /** Every invalid value of one request. */
    public static class InvalidSettingsException extends RuntimeException {
        private final List<InvalidSettingException> problems;

        public InvalidSettingsException(List<InvalidSettingException> problems) {
            super(problems.size() + " invalid setting(s)", null, false, false);
            this.problems = List.copyOf(problems);
        }

        public List<InvalidSettingException> problems() {
            return problems;
        }
    }

    /**
     * The new settings of a level (by API name, normalised), or {@link InvalidSettingsException} naming every
     * unknown setting and invalid value.
     *
     * @param check an extra rule for normalised values (the appliance rule on computers); may throw
     *              {@link InvalidSettingException}
     */
    public static Map<String, String> apply(Map<String, String> current, Map<String, String> requested,
                                            ValueCheck check) {
        Map<String, String> updated = new TreeMap<>(current);
        List<InvalidSettingException> problems = new ArrayList<>();
        requested.forEach((apiName, value) -> {
            var name = SettingName.byApiName(apiName);
            if (name.isEmpty()) {
                problems.add(new InvalidSettingException(apiName, value, "unknown setting", knownNames()));
                return;
            }
            if (value == null) {
                updated.remove(apiName);
                return;
            }
            try {
                String normalised = name.get().normalise(value);
                check.check(name.get(), normalised);
                updated.put(apiName, normalised);
            } catch (InvalidSettingException e) {
                problems.add(e);
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return updated;
    }

    public static String knownNames() {
        return String.join(", ", java.util.Arrays.stream(SettingName.values()).map(SettingName::apiName).toList());
    }

    /** An extra rule on a normalised value. */
    @FunctionalInterface
    public interface ValueCheck {
        ValueCheck NONE = (name, value) -> {
        };

        void check(SettingName name, String normalisedValue);
    }
}
