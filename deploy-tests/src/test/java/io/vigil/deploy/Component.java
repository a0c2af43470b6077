package io.vigil.deploy;

import java.util.List;

/**
 * The services as the internal contract defines them: name, HTTP port (health, metrics, REST) and database.
 *
 * @param database the VIGIL_DB_&lt;NAME&gt; of the service, or null
 */
public record Component(String name, int httpPort, String database) {

    public static final Component GATEWAY = new Component("heartbeat-gateway", 8080, null);
    public static final Component POLICY = new Component("policy-service", 8081, "POLICY");
    public static final Component REGISTRY = new Component("agent-registry", 8082, "REGISTRY");
    public static final Component ALERTS = new Component("alert-service", 8083, "ALERTS");
    public static final Component SIEM = new Component("siem-forwarder", 8084, null);
    public static final Component WEB_CONSOLE = new Component("web-console", 8085, null);
    public static final List<Component> ALL = List.of(GATEWAY, POLICY, REGISTRY, ALERTS, SIEM, WEB_CONSOLE);

    /** The agent-facing TLS port of the gateway. */
    public static final int AGENT_PORT = 4120;
    /** The agents' default listening port that the gateway calls. */
    public static final int AGENT_LISTENING_PORT = 4118;

    public String resourceName() {
        return HelmChart.RELEASE + "-" + name;
    }
}
