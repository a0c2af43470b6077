package io.vigil.events.config;

/**
 * Where the value of one member of a computer's configuration document comes from: the setting that gives it and the
 * level it is set at, as policy-service resolved it when it published the configuration.
 *
 * @param setting  the setting's DSM name, e.g. {@code platformSettingHeartbeatInterval}
 * @param level    {@code computer}, {@code policy}, {@code default} (the Base Policy default) or {@code rule}
 * @param policyID the policy that sets it, for level {@code policy}
 * @param rule     the rule's name, for level {@code rule} (e.g. {@code appliance-bidirectional})
 */
public record ConfigurationSource(String setting, String level, Long policyID, String rule) {
}
