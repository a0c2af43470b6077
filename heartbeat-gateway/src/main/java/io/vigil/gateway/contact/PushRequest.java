package io.vigil.gateway.contact;

import io.vigil.events.config.AgentConfiguration;

/** A configuration to push to a computer's agent: {@code POST /agent/v1/configuration}. */
public record PushRequest(long computerID, String configFingerprint, AgentConfiguration configuration) {
}
