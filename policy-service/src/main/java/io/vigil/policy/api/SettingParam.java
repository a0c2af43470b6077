package io.vigil.policy.api;

import io.vigil.console.ProblemException;
import io.vigil.console.Problems;
import io.vigil.policy.setting.SettingName;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A setting name in a path ({@code platformSettingHeartbeatInterval}, ...); an unknown name is a 404. */
@Schema(type = SchemaType.STRING, description = "A setting name (docs/settings.md)",
        enumeration = {"platformSettingHeartbeatInterval", "platformSettingHeartbeatMissedAlertThreshold",
                "platformSettingHeartbeatLocalTimeShiftAlertThreshold",
                "platformSettingHeartbeatInactiveVmOfflineAlertEnabled", "platformSettingAgentCommunicationsDirection",
                "firewallSettingAgentListeningPortAllowedSources"})
public record SettingParam(SettingName setting) {

    /** JAX-RS's conversion of the path segment. */
    public static SettingParam fromString(String text) {
        return new SettingParam(SettingName.byApiName(text).orElseThrow(
                () -> Problems.webError(ProblemException.notFound("setting", text).problem())));
    }

    @Override
    public String toString() {
        return setting.apiName();
    }
}
