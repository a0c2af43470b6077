package io.vigil.policy.resolution;

/** An effective setting value with its provenance. */
public record ResolvedSetting(String value, Source source) {
}
