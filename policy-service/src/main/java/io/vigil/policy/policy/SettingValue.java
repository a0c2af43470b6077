package io.vigil.policy.policy;

/** A setting value as DSM wraps it: {@code {"value": "10 Minutes"}}. */
public record SettingValue(String value) {
}
