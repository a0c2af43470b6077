package io.vigil.alerts.engine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerClockTest {

    private static final long MS = 1_000_000L;

    @Test
    void unknownUntilTheBrokerHasSaidWhatTimeItIs() {
        assertThat(new BrokerClock().now(5 * MS)).isEqualTo(BrokerClock.UNKNOWN);
    }

    @Test
    void movesWithTheMonotonicClockFromTheBestObservation() {
        BrokerClock clock = new BrokerClock();
        clock.observed(1_000_000, 100 * MS);
        assertThat(clock.now(100 * MS)).isEqualTo(1_000_000);
        assertThat(clock.now(350 * MS)).isEqualTo(1_000_250);
        // an observation that arrived late (a slow acknowledgement) never moves the estimate back
        clock.observed(1_000_100, 400 * MS);
        assertThat(clock.now(400 * MS)).isEqualTo(1_000_300);
        // a fresher one moves it forward
        clock.observed(1_000_500, 420 * MS);
        assertThat(clock.now(420 * MS)).isEqualTo(1_000_500);
    }

    @Test
    void timestampsThatAreNoBrokerTimeAreIgnored() {
        BrokerClock clock = new BrokerClock();
        clock.observed(0, 10 * MS);
        clock.observed(-1, 10 * MS);
        assertThat(clock.now(10 * MS)).isEqualTo(BrokerClock.UNKNOWN);
    }
}
