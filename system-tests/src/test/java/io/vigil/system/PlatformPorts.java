package io.vigil.system;

import io.vigil.testkit.FreePorts;

/** Every port the platform's services listen on, chosen free on the host (the containers use the host network). */
record PlatformPorts(int policy, int policyInternal, int registry, int registryInternal, int alerts, int gatewayAgents,
                     int gatewayManagement, int siem, int console) {

    static PlatformPorts free() {
        return new PlatformPorts(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
    }
}
