package io.vigil.agent;

import io.vigil.agent.tls.KeyMaterial;
import io.vigil.agent.tls.TlsProfile;
import io.vigil.tls.ReleaseVersion;

import java.net.URI;
import java.security.KeyPair;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything that makes one simulated agent: where the manager is, the activation token and CA pin, what the agent
 * says it is (host name, platform, release, version, type), where it listens, its clock and its timings.
 * Build with {@link #builder(URI, String, String)}.
 *
 * @param listeningPort   the port reported at activation and listened on; 0 picks a free port before activation
 *                        (and another if it was taken by the time the agent listens, reported in its heartbeats)
 * @param listen          whether the agent opens its port at all (under Bidirectional and Manager Initiated)
 * @param agentAddress    reported at activation; null lets the manager use the connection's source address
 * @param clockSkew       the agent clock's offset from real time when it starts
 * @param keyPairs        where key pairs come from (a fresh RSA pair each time by default)
 * @param retryDelay      the wait before retrying a failed activation or heartbeat (at most the interval)
 */
public record AgentSettings(URI gateway, String token, String managerCaSha256, String hostName, String platform,
                            String agentRelease, String agentVersion, String tlsVariant, String computerType,
                            int listeningPort, boolean listen, String listenHost, String agentAddress,
                            Duration clockSkew, Supplier<KeyPair> keyPairs, Duration retryDelay,
                            Duration requestTimeout, String driverStatus) {

    public AgentSettings {
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(managerCaSha256, "managerCaSha256");
        Objects.requireNonNull(hostName, "hostName");
    }

    /** The TLS of the chosen release and crypto setting (the JDK's defaults when no release is set). */
    public TlsProfile tlsProfile() {
        return agentRelease == null ? TlsProfile.jdkDefaults() : TlsProfile.forRelease(agentRelease, tlsVariant);
    }

    /** A plausible build version for a release line: {@code 20} gives {@code 20.0.1-3445}. */
    public static String defaultVersion(String release) {
        if (release == null) {
            return "20.0.1-3445";
        }
        ReleaseVersion v = ReleaseVersion.parse(release).orElseThrow(() ->
                new IllegalArgumentException("release '" + release + "' is not a release name such as 20 or 10.0 U16"));
        if (v.major() == 20) {
            return "20.0.1-3445";
        }
        return v.major() + "." + v.minor() + "." + v.servicePack() + "-" + (1000 + v.patch() * 100 + v.update());
    }

    public static Builder builder(URI gateway, String token, String managerCaSha256) {
        return new Builder(gateway, token, managerCaSha256);
    }

    public Builder toBuilder() {
        return new Builder(gateway, token, managerCaSha256).hostName(hostName).platform(platform)
                .release(agentRelease).agentVersion(agentVersion).tlsVariant(tlsVariant).computerType(computerType)
                .listeningPort(listeningPort).listen(listen).listenHost(listenHost).agentAddress(agentAddress)
                .clockSkew(clockSkew).keyPairs(keyPairs).retryDelay(retryDelay).requestTimeout(requestTimeout)
                .driverStatus(driverStatus);
    }

    /** Defaults: a Linux physical computer, release 20 (standard), listening on 4118 on every interface. */
    public static final class Builder {
        private final URI gateway;
        private final String token;
        private final String managerCaSha256;
        private String hostName = "agent-" + ProcessHandle.current().pid();
        private String platform = "Linux";
        private String release = "20";
        private String agentVersion;
        private String tlsVariant = "standard";
        private String computerType = "physical";
        private int listeningPort = 4118;
        private boolean listen = true;
        private String listenHost = "0.0.0.0";
        private String agentAddress;
        private Duration clockSkew = Duration.ZERO;
        private Supplier<KeyPair> keyPairs = KeyMaterial::newKeyPair;
        private Duration retryDelay = Duration.ofSeconds(5);
        private Duration requestTimeout = Duration.ofSeconds(15);
        private String driverStatus = "Online";

        private Builder(URI gateway, String token, String managerCaSha256) {
            this.gateway = gateway;
            this.token = token;
            this.managerCaSha256 = managerCaSha256;
        }

        public Builder hostName(String v) { hostName = v; return this; }
        public Builder platform(String v) { platform = v; return this; }
        /** A release line of DSM's TLS table ({@code 20}, {@code 10.0 U16}, ...), or null for the JDK's TLS. */
        public Builder release(String v) { release = v; return this; }
        public Builder agentVersion(String v) { agentVersion = v; return this; }
        /** {@code standard}, {@code strong} or {@code fips}, where the release has it. */
        public Builder tlsVariant(String v) { tlsVariant = v; return this; }
        public Builder computerType(String v) { computerType = v; return this; }
        public Builder listeningPort(int v) { listeningPort = v; return this; }
        public Builder listen(boolean v) { listen = v; return this; }
        public Builder listenHost(String v) { listenHost = v; return this; }
        public Builder agentAddress(String v) { agentAddress = v; return this; }
        public Builder clockSkew(Duration v) { clockSkew = v; return this; }
        public Builder keyPairs(Supplier<KeyPair> v) { keyPairs = v; return this; }
        public Builder retryDelay(Duration v) { retryDelay = v; return this; }
        public Builder requestTimeout(Duration v) { requestTimeout = v; return this; }
        public Builder driverStatus(String v) { driverStatus = v; return this; }

        public AgentSettings build() {
            String version = agentVersion != null ? agentVersion : defaultVersion(release);
            return new AgentSettings(gateway, token, managerCaSha256, hostName, platform, release, version,
                    tlsVariant, computerType, listeningPort, listen, listenHost, agentAddress, clockSkew, keyPairs,
                    retryDelay, requestTimeout, driverStatus);
        }
    }
}
