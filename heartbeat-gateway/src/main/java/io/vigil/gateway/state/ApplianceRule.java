package io.vigil.gateway.state;

import io.vigil.events.config.AgentConfiguration;

/**
 * A computer of type {@code appliance} always communicates Bidirectionally. policy-service applies this rule to the
 * computer's own configuration record; the gateway applies it too, so an appliance is never handed another direction
 * while it still runs on its policy's configuration or the defaults (before its own record arrived). The fingerprint
 * is that of the Bidirectional configuration, the one policy-service publishes for it.
 */
public final class ApplianceRule {

    public static final String APPLIANCE = "appliance";

    private ApplianceRule() {
    }

    public static ExpectedConfiguration apply(ExpectedConfiguration expected, String computerType) {
        if (!APPLIANCE.equals(computerType) || ExpectedConfiguration.BIDIRECTIONAL.equals(expected.direction())) {
            return expected;
        }
        AgentConfiguration c = expected.configuration();
        return ExpectedConfiguration.of(new AgentConfiguration(c.heartbeatIntervalSeconds(),
                ExpectedConfiguration.BIDIRECTIONAL, c.clockChangeThresholdSeconds(),
                c.listeningPortAllowedSources()), expected.source());
    }
}
