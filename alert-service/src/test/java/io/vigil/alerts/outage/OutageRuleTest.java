package io.vigil.alerts.outage;

import io.vigil.alerts.outage.OutageRule.Decision;
import io.vigil.alerts.outage.OutageRule.Fleet;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OutageRuleTest {

    private final OutageRule rule = new OutageRule(0.2, 50);

    @Test
    void moreThanTheShareWithinTheWindowRaises() {
        assertThat(rule.decide(new Fleet(1_000, 201, 201), false, 0)).isEqualTo(Decision.RAISE);
        assertThat(rule.decide(new Fleet(1_000, 200, 200), false, 0)).isEqualTo(Decision.KEEP);
    }

    @Test
    void aSmallFleetNeverHasAPlatformOutage() {
        assertThat(rule.decide(new Fleet(49, 49, 49), false, 0)).isEqualTo(Decision.KEEP);
        assertThat(rule.decide(new Fleet(50, 11, 11), false, 0)).isEqualTo(Decision.RAISE);
    }

    @Test
    void clearsWhenMostOfThePeakIsHeardFromAgain() {
        assertThat(rule.decide(new Fleet(1_000, 300, 0), true, 500)).isEqualTo(Decision.KEEP);
        assertThat(rule.decide(new Fleet(1_000, 250, 0), true, 500)).isEqualTo(Decision.CLEAR);
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
