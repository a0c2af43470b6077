package io.vigil.gateway.state;

import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.events.config.PolicyConfiguration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An appliance always communicates Bidirectionally: the gateway never hands one another direction, whatever its
 * policy says and also before policy-service published the computer's own configuration (which applies the same rule).
 */
class ApplianceDirectionTest {

    private static final List<String> DIRECTIONS = List.of(ExpectedConfiguration.BIDIRECTIONAL,
            ExpectedConfiguration.MANAGER_INITIATED, ExpectedConfiguration.AGENT_INITIATED);

    @Property(tries = 300)
    void anApplianceIsAlwaysBidirectionalAndOthersKeepTheirDirection(
            @ForAll("directions") String policyDirection, @ForAll("directions") String ownDirection,
            @ForAll boolean ownRecord, @ForAll boolean registered, @ForAll("types") String computerType) {
        ComputerDirectory directory = new ComputerDirectory();
        AgentConfiguration policy = new AgentConfiguration(120, policyDirection, 600L, List.of("any"));
        directory.policyConfiguration(7, new PolicyConfiguration(7, null, "p", Map.of(), policy,
                ConfigFingerprint.of(policy), Instant.now()));
        AgentConfiguration own = new AgentConfiguration(300, ownDirection, null, List.of("10.0.0.0/8"));
        if (ownRecord) {
            directory.computerConfiguration(5, new ComputerConfiguration(5, 7, Map.of(), own,
                    ConfigFingerprint.of(own), 300, 2, null, false, Instant.now()));
        }
        if (registered) {
            directory.registration(5, registration(5, computerType, 7));
        }
        AgentConfiguration base = ownRecord ? own : registered ? policy : ExpectedConfiguration.DEFAULTS.configuration();
        boolean appliance = registered && "appliance".equals(computerType);

        ExpectedConfiguration heartbeat = directory.expected(5);
        assertThat(heartbeat.direction()).isEqualTo(appliance ? ExpectedConfiguration.BIDIRECTIONAL
                : base.communicationsDirection());
        assertThat(heartbeat.intervalSeconds()).isEqualTo(base.heartbeatIntervalSeconds());
        assertThat(heartbeat.configuration().listeningPortAllowedSources())
                .isEqualTo(base.listeningPortAllowedSources());
        assertThat(heartbeat.fingerprint()).isEqualTo(ConfigFingerprint.of(heartbeat.configuration()));
        ExpectedConfiguration activation = directory.forActivation(5, 7, computerType);
        assertThat(activation.direction()).isEqualTo("appliance".equals(computerType)
                ? ExpectedConfiguration.BIDIRECTIONAL : (ownRecord ? own : policy).communicationsDirection());
        assertThat(activation.fingerprint()).isEqualTo(ConfigFingerprint.of(activation.configuration()));
    }

    @Example
    void anApplianceUnderAManagerInitiatedPolicyBeforeItsOwnRecordIsBidirectional() {
        ComputerDirectory directory = new ComputerDirectory();
        AgentConfiguration policy = new AgentConfiguration(60, ExpectedConfiguration.MANAGER_INITIATED, null,
                List.of("any"));
        directory.policyConfiguration(3, new PolicyConfiguration(3, null, "p", Map.of(), policy,
                ConfigFingerprint.of(policy), Instant.now()));
        directory.registration(9, registration(9, "appliance", 3));
        directory.registration(10, registration(10, "physical", 3));

        ExpectedConfiguration appliance = directory.expected(9);
        assertThat(appliance.direction()).isEqualTo(ExpectedConfiguration.BIDIRECTIONAL);
        assertThat(appliance.intervalSeconds()).isEqualTo(60);
        // the fingerprint policy-service will publish for it, so its own record brings no new UpdateConfiguration
        assertThat(appliance.fingerprint()).isEqualTo(ConfigFingerprint.of(new AgentConfiguration(60,
                ExpectedConfiguration.BIDIRECTIONAL, null, List.of("any"))));
        assertThat(directory.expected(10).direction()).isEqualTo(ExpectedConfiguration.MANAGER_INITIATED);
        assertThat(directory.forActivation(11, 3, "appliance").direction())
                .isEqualTo(ExpectedConfiguration.BIDIRECTIONAL);
        assertThat(directory.forActivation(12, 3, "virtual-machine").direction())
                .isEqualTo(ExpectedConfiguration.MANAGER_INITIATED);
    }

    static ComputerRegistration registration(long id, String computerType, long policyID) {
        return new ComputerRegistration(id, "host-" + id, "Linux", "20.0.1", "20", computerType, policyID,
                "127.0.0.1", 4118, "running", ComputerRegistration.ACTIVATED, "01", Instant.now().plusSeconds(3600),
                Instant.now());
    }

    @Provide
    Arbitrary<String> directions() {
        return Arbitraries.of(DIRECTIONS);
    }

    @Provide
    Arbitrary<String> types() {
        return Arbitraries.of("physical", "virtual-machine", "appliance");
    }
}
