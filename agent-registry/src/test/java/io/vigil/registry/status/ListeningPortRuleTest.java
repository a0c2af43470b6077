package io.vigil.registry.status;

import org.junit.jupiter.api.Test;

import static io.vigil.registry.status.ListeningPortRule.NONE;
import static io.vigil.registry.status.ListeningPortRule.toAdopt;
import static org.assertj.core.api.Assertions.assertThat;

class ListeningPortRuleTest {

    @Test
    void aReportedPortThatDiffersFromTheRegisteredOneIsAdopted() {
        assertThat(toAdopt("activated", 4118, 4150)).isEqualTo(4150);
        assertThat(toAdopt("activated", 4150, 4118)).isEqualTo(4118);
    }

    @Test
    void theRegisteredPortReportedAgainChangesNothing() {
        assertThat(toAdopt("activated", 4118, 4118)).isEqualTo(NONE);
    }

    @Test
    void aHeartbeatWithoutAPortChangesNothing() {
        assertThat(toAdopt("activated", 4118, null)).isEqualTo(NONE);
    }

    @Test
    void aDeactivatedComputerKeepsItsPort() {
        assertThat(toAdopt("deactivated", 4118, 4150)).isEqualTo(NONE);
    }

    @Test
    void nothingIsAdoptedBeforeTheRegistrationIsSeen() {
        assertThat(toAdopt(null, NONE, 4150)).isEqualTo(NONE);
    }

    @Test
    void aRegisteredComputerWhosePortIsNotKnownInMemoryAsksTheRegistry() {
        assertThat(toAdopt("activated", NONE, 4118)).isEqualTo(4118);
    }

    @Test
    void portsOutsideTheTcpRangeAreIgnored() {
        assertThat(toAdopt("activated", 4118, 0)).isEqualTo(NONE);
        assertThat(toAdopt("activated", 4118, -1)).isEqualTo(NONE);
        assertThat(toAdopt("activated", 4118, 65_536)).isEqualTo(NONE);
        assertThat(toAdopt("activated", 4118, 1)).isEqualTo(1);
        assertThat(toAdopt("activated", 4118, 65_535)).isEqualTo(65_535);
    }
}
