package io.vigil.gateway.guard;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * Small limits, so that a test can reach them: 3 heartbeats per interval, a cap of 450 connections, short timeouts;
 * and the default agent networks, which do not include loopback.
 */
public class HostileClientsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "vigil.gateway.guard.heartbeats-per-interval", "3",
                "quarkus.http.limits.max-connections", "450",
                "quarkus.http.idle-timeout", "45s",
                "vigil.gateway.guard.handshake-timeout", "45s",
                // the half heads of the flood stay open long enough to fill the connection cap
                "vigil.gateway.guard.request-head-timeout", "45s",
                "vigil.gateway.guard.unauthenticated-connections-per-address", "20",
                "vigil.gateway.guard.waiting-connections-per-address", "5",
                "vigil.gateway.guard.connection-wait", "5s",
                // the production default: loopback agents are not called (the other test profiles opt in)
                "vigil.gateway.agents.networks", "0.0.0.0/0,::/0");
    }
}
