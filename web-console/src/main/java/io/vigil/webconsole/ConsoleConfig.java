package io.vigil.webconsole;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;

/** The web console's settings ({@code vigil.console.*}, environment {@code VIGIL_CONSOLE_*}). */
@ConfigMapping(prefix = "vigil.console")
public interface ConsoleConfig {

    /** Forwarding of {@code /api/...} to the console services (local runs; in Kubernetes the ingress routes it). */
    Proxy proxy();

    /** The live event stream. */
    Stream stream();

    interface Proxy {
        /** Whether {@code /api/...} is forwarded; off: 404 (the ingress routes {@code /api} before the console). */
        @WithDefault("true")
        boolean enabled();

        /** policy-service's console port: policies and computer settings. */
        @WithDefault("http://127.0.0.1:8081")
        URI policyService();

        /** agent-registry's console port: computers and activation tokens. */
        @WithDefault("http://127.0.0.1:8082")
        URI agentRegistry();

        /** alert-service's console port: alerts. */
        @WithDefault("http://127.0.0.1:8083")
        URI alertService();

        /** How long a forwarded call may take. */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Stream {
        /** How often an idle stream gets a comment line, so that proxies keep it open and clients notice a loss. */
        @WithDefault("15s")
        Duration keepAlive();

        /** At most this many streams at once; more are refused with 503. */
        @WithDefault("200")
        int maxClients();
    }
}
