package io.vigil.policy.policy;

import com.fasterxml.jackson.core.type.TypeReference;
import io.vigil.events.EventJson;
import io.vigil.policy.setting.SettingName;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** The settings column: a JSON object of API name to normalised value. Unknown names are dropped when read. */
@Converter
public class SettingsColumn implements AttributeConverter<Map<String, String>, String> {

    private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(Map<String, String> settings) {
        return EventJson.toJson(settings == null ? Map.of() : new TreeMap<>(settings));
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String column) {
        return column == null ? new TreeMap<>() : EventJson.read(column.getBytes(StandardCharsets.UTF_8), TYPE);
    }

    public static Map<SettingName, String> typed(Map<String, String> settings) {
        Map<SettingName, String> typed = new EnumMap<>(SettingName.class);
        settings.forEach((name, value) -> SettingName.byApiName(name).ifPresent(s -> typed.put(s, value)));
        return typed;
    }
}
