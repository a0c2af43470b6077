package io.vigil.policy;

import io.vigil.testkit.InternalPort;
import io.vigil.testkit.VigilTestResource;
import io.vigil.tls.service.ServiceIdentity;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real Kafka and PostgreSQL (database {@code policy}) and a test CA with this service's certificate and those of
 * its callers ({@link #INTERNAL}).
 */
public class PolicyTestResource extends VigilTestResource {

    /** Another platform service: authenticated, but not allowed on the internal port. */
    public static final String GATEWAY = ServiceIdentity.HEARTBEAT_GATEWAY;
    /** The internal port: as agent-registry (allowed), another service, an agent, the manager, or nobody. */
    public static final InternalPort INTERNAL = new InternalPort(Path.of("target/test-pki"),
            ServiceIdentity.POLICY_SERVICE);

    @Override
    public void init(Map<String, String> initArgs) {
        super.init(Map.of("database", "policy"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.putAll(INTERNAL.issue(ServiceIdentity.AGENT_REGISTRY, GATEWAY));
        return config;
    }
}
