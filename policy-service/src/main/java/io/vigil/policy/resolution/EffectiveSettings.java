package io.vigil.policy.resolution;

import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ConfigurationSource;
import io.vigil.policy.setting.Durations;
import io.vigil.policy.setting.SettingName;
import io.vigil.policy.setting.SettingValues;
import io.vigil.policy.setting.SourceList;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every setting's effective value with its source, and the typed views other services need. */
public final class EffectiveSettings {

    /** The members of the agent's configuration document and the setting each comes from. */
    public static final Map<String, SettingName> DOCUMENT_MEMBERS = documentMembers();

    private final EnumMap<SettingName, ResolvedSetting> resolved;

    private static Map<String, SettingName> documentMembers() {
        Map<String, SettingName> members = new LinkedHashMap<>();
        members.put("heartbeatIntervalSeconds", SettingName.HEARTBEAT_INTERVAL);
        members.put("communicationsDirection", SettingName.COMMUNICATIONS_DIRECTION);
        members.put("clockChangeThresholdSeconds", SettingName.CLOCK_CHANGE_THRESHOLD);
        members.put("listeningPortAllowedSources", SettingName.LISTENING_PORT_ALLOWED_SOURCES);
        return java.util.Collections.unmodifiableMap(members);
    }

    EffectiveSettings(EnumMap<SettingName, ResolvedSetting> resolved) {
        if (resolved.size() != SettingName.values().length) {
            throw new IllegalArgumentException("every setting must be resolved");
        }
        this.resolved = new EnumMap<>(resolved);
    }

    public ResolvedSetting get(SettingName name) {
        return resolved.get(name);
    }

    public String value(SettingName name) {
        return resolved.get(name).value();
    }

    /** Values by API name, in the contract's order. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        resolved.forEach((name, setting) -> values.put(name.apiName(), setting.value()));
        return values;
    }

    public Map<SettingName, ResolvedSetting> all() {
        return Map.copyOf(resolved);
    }

    public long heartbeatIntervalSeconds() {
        return Durations.parseSeconds(value(SettingName.HEARTBEAT_INTERVAL));
    }

    /** N, or null for Unlimited. */
    public Integer missedHeartbeatThreshold() {
        String value = value(SettingName.MISSED_HEARTBEAT_THRESHOLD);
        return SettingValues.UNLIMITED.equals(value) ? null : Integer.valueOf(value);
    }

    /** Seconds, or null for Unlimited. */
    public Long clockChangeThresholdSeconds() {
        String value = value(SettingName.CLOCK_CHANGE_THRESHOLD);
        return SettingValues.UNLIMITED.equals(value) ? null : Durations.parseSeconds(value);
    }

    public boolean inactiveVmOfflineAlertEnabled() {
        return Boolean.parseBoolean(value(SettingName.INACTIVE_VM_OFFLINE_ALERT));
    }

    public String communicationsDirection() {
        return value(SettingName.COMMUNICATIONS_DIRECTION);
    }

    /** The configuration document the agent runs (docs/agent-protocol.md): manager-only settings are not in it. */
    public AgentConfiguration agentConfiguration() {
        return new AgentConfiguration(heartbeatIntervalSeconds(), communicationsDirection(),
                clockChangeThresholdSeconds(),
                SourceList.parse(value(SettingName.LISTENING_PORT_ALLOWED_SOURCES)).agentEntries());
    }

    /**
     * Where each member of {@link #agentConfiguration()} comes from, by member name: the setting that gives it and
     * the level it is set at.
     */
    public Map<String, ConfigurationSource> configurationSources() {
        Map<String, ConfigurationSource> sources = new LinkedHashMap<>();
        DOCUMENT_MEMBERS.forEach((member, name) -> {
            Source source = resolved.get(name).source();
            sources.put(member, new ConfigurationSource(name.apiName(), source.level(), source.policyID(),
                    source.rule()));
        });
        return sources;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EffectiveSettings e && resolved.equals(e.resolved);
    }

    @Override
    public int hashCode() {
        return resolved.hashCode();
    }

    @Override
    public String toString() {
        return resolved.toString();
    }
}
