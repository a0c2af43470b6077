package io.vigil.registry.web;

import io.vigil.console.ApiKeyFilter;
import io.vigil.console.ApiKeys;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Who made a console request, as audit events name them. */
public final class Callers {

    private Callers() {
    }

    public static String actor(ContainerRequestContext request) {
        Object caller = request.getProperty(ApiKeyFilter.CALLER);
        return caller instanceof ApiKeys.Caller c ? c.actor() : "unknown";
    }
}
