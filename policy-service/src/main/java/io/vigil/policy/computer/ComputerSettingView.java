package io.vigil.policy.computer;

import io.vigil.policy.resolution.ResolvedSetting;

/** One effective computer setting with its source. */
public record ComputerSettingView(String value, SourceView source) {

    public static ComputerSettingView of(ResolvedSetting setting) {
        return new ComputerSettingView(setting.value(), SourceView.of(setting.source()));
    }
}
