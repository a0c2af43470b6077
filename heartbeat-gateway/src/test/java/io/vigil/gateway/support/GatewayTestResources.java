package io.vigil.gateway.support;

import org.eclipse.microprofile.config.ConfigProvider;

/** Where the gateway under test listens. */
public final class GatewayTestResources {

    private GatewayTestResources() {
    }

    public static int agentPort() {
        return ConfigProvider.getConfig().getValue("quarkus.http.test-ssl-port", Integer.class);
    }
}
