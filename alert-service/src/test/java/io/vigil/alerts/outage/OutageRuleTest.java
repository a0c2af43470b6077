package io.vigil.alerts.outage;

import io.vigil.alerts.outage.OutageRule.Decision;
import io.vigil.alerts.outage.OutageRule.Fleet;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class OutageRuleTest {

    private static final long NOW = 1_000_000;
    private static final long SETTLE = 30_000;

    private final OutageRule rule = new OutageRule(0.2, 50, Duration.ofMillis(SETTLE));

    /** A recovery from {@code peak} silent computers whose last new low was {@code lowestAgo} ago. */
    private static Recovery recovery(long peak, long lowest, long lowestAgo) {
        return new Recovery(peak, lowest, NOW - lowestAgo);
    }

    private Decision whileActive(long silent, Recovery recovery) {
        return rule.decide(new Fleet(1_000, silent, 0), true, recovery, NOW);
    }

    @Test
    void moreThanTheShareWithinTheWindowRaises() {
        Recovery none = Recovery.startingAt(0, NOW);
        assertThat(rule.decide(new Fleet(1_000, 201, 201), false, none, NOW)).isEqualTo(Decision.RAISE);
        assertThat(rule.decide(new Fleet(1_000, 200, 200), false, none, NOW)).isEqualTo(Decision.KEEP);
    }

    @Test
    void aSmallFleetNeverHasAPlatformOutage() {
        Recovery none = Recovery.startingAt(0, NOW);
        assertThat(rule.decide(new Fleet(49, 49, 49), false, none, NOW)).isEqualTo(Decision.KEEP);
        assertThat(rule.decide(new Fleet(50, 11, 11), false, none, NOW)).isEqualTo(Decision.RAISE);
    }

    @Test
    void clearsWhenMostOfThePeakIsHeardFromAgainAndTheRecoveryHasSettled() {
        assertThat(whileActive(300, recovery(500, 300, SETTLE))).isEqualTo(Decision.KEEP);
        assertThat(whileActive(251, recovery(500, 251, SETTLE))).isEqualTo(Decision.KEEP);
        assertThat(whileActive(250, recovery(500, 250, SETTLE))).isEqualTo(Decision.CLEAR);
    }

    @Test
    void aFleetStillComingBackKeepsTheOutageEvenBelowHalfItsPeak() {
        // half of the fleet back no longer clears: the rest is still reconnecting, a new low every second
        assertThat(whileActive(250, recovery(500, 250, 1_000))).isEqualTo(Decision.KEEP);
        assertThat(whileActive(10, recovery(1_000, 10, 0))).isEqualTo(Decision.KEEP);
        assertThat(whileActive(10, recovery(1_000, 10, SETTLE - 1))).isEqualTo(Decision.KEEP);
        assertThat(whileActive(10, recovery(1_000, 10, SETTLE))).isEqualTo(Decision.CLEAR);
    }

    @Test
    void aRecoveryThatStalledAboveHalfThePeakKeepsTheOutage() {
        assertThat(whileActive(600, recovery(1_000, 600, Duration.ofHours(1).toMillis())))
                .isEqualTo(Decision.KEEP);
        assertThat(whileActive(501, recovery(1_000, 501, Duration.ofHours(1).toMillis())))
                .isEqualTo(Decision.KEEP);
    }

    @Test
    void aSilenceNoLongerOutageSizedClearsOnceSettledWhateverThePeak() {
        // raised on a burst of late heartbeats (first misses are counted over the window, silent ones at one moment:
        // the peak seen can be small), then 10 computers really go away: 10 of a peak of 15 is more than half, yet
        // nothing outage-sized is left, and the outage must not hold their alerts for good
        assertThat(whileActive(10, recovery(15, 10, SETTLE - 1))).isEqualTo(Decision.KEEP);
        assertThat(whileActive(10, recovery(15, 10, SETTLE))).isEqualTo(Decision.CLEAR);
        assertThat(whileActive(200, recovery(300, 200, SETTLE))).isEqualTo(Decision.CLEAR);
        assertThat(whileActive(201, recovery(300, 201, SETTLE))).as("still more than the share: an outage")
                .isEqualTo(Decision.KEEP);
    }

    @Test
    void aFleetBackAboveItsLowestCountsFromThatLow() {
        // a few computers falling silent again after the low do not restart the recovery, nor hold it back
        assertThat(whileActive(12, recovery(1_000, 10, SETTLE))).isEqualTo(Decision.CLEAR);
    }

    @Test
    void aSettleOfZeroClearsAtHalfThePeakAsSoonAsItIsReached() {
        OutageRule immediate = new OutageRule(0.2, 50, Duration.ZERO);
        assertThat(immediate.decide(new Fleet(1_000, 250, 0), true, recovery(500, 250, 0), NOW))
                .isEqualTo(Decision.CLEAR);
        assertThat(immediate.decide(new Fleet(1_000, 251, 0), true, recovery(500, 251, 0), NOW))
                .isEqualTo(Decision.KEEP);
    }

    @Test
    void missWindowCountsOnlyTheLastSeconds() {
        MissWindow window = new MissWindow(10);
        window.add(1_000);
        window.add(5_500);
        window.add(10_999);
        assertThat(window.count(10_999)).isEqualTo(3);
        assertThat(window.count(11_000)).isEqualTo(2);
        assertThat(window.count(20_999)).isEqualTo(0);
        window.add(21_000);
        assertThat(window.count(21_000)).isEqualTo(1);
    }
}
