package io.vigil.system;

import io.vigil.testkit.FreePorts;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Another heartbeat-gateway process beside the platform's own: the platform's environment (and JVM options) on ports
 * of its own, its log in the platform's log directory. Not started.
 */
record GatewayReplica(ServiceProcess process, int httpsPort, Path log) {

    static GatewayReplica of(Platform platform, String name) {
        int https = FreePorts.next();
        int management = FreePorts.next();
        Map<String, String> env = platform.environmentOf("heartbeat-gateway");
        env.put("QUARKUS_HTTP_SSL_PORT", Integer.toString(https));
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(management));
        Path log = platform.logs.resolve(name + "-" + System.currentTimeMillis() + ".log");
        return new GatewayReplica(new ServiceProcess(name, platform.appJar("heartbeat-gateway"),
                Platform.jvmOptions("heartbeat-gateway"), env,
                URI.create("http://127.0.0.1:" + management + "/q/health/ready"), log), https, log);
    }

    URI url() {
        return URI.create("https://127.0.0.1:" + httpsPort);
    }
}
