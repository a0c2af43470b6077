package io.vigil.alerts.outage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MissWindowTest {

    @Test
    void countsTheFirstMissesInsideTheWindowOnly() {
        MissWindow window = new MissWindow(10);
        window.add(1_000);
        window.add(5_500);
        window.add(5_900);

        assertThat(window.count(9_999)).isEqualTo(3);
        assertThat(window.count(10_999)).isEqualTo(3);
        assertThat(window.count(11_000)).isEqualTo(2);
        assertThat(window.count(15_000)).isZero();
    }

    @Test
    void anOutageThatClearedLeavesNoFirstMissBehind() {
        MissWindow window = new MissWindow(10);
        window.add(1_000);
        window.add(2_000);

        window.clear();

        assertThat(window.count(3_000)).isZero();
        window.add(3_000);
        assertThat(window.count(3_000)).isEqualTo(1);
    }
}
