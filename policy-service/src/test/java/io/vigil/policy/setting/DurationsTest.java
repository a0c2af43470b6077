package io.vigil.policy.setting;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "30 Seconds, 30", "1 Second, 1", "1 seconds, 1", "2 SECONDS, 2", "1 Minute, 60", "1 minutes, 60",
            "10 Minutes, 600", "2 hours, 7200", "1 Hour, 3600", "24 HOURS, 86400", "'  5 minutes  ', 300",
            "5minutes, 300", "0 seconds, 0", "007 Minutes, 420", "90 seconds, 90", "120 minutes, 7200"
    })
    void parsesSingularOrPluralUnitsInAnyCase(String text, long seconds) {
        assertThat(Durations.parseSeconds(text)).isEqualTo(seconds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "Minutes", "1.5 hours", "-1 minute", "ten minutes", "1 day", "1 week",
            "1 min", "1 hrs", "1 secondss", "1 minute 30 seconds", "1e3 seconds", "1234567890 seconds", "+1 hour"})
    void refusesAnythingElse(String text) {
        assertThat(Durations.parseSeconds(text)).isEqualTo(-1);
    }

    @Test
    void nullIsNotADuration() {
        assertThat(Durations.parseSeconds(null)).isEqualTo(-1);
    }

    @ParameterizedTest
    @CsvSource({
            "1, 1 Second", "2, 2 Seconds", "59, 59 Seconds", "60, 1 Minute", "90, 90 Seconds", "120, 2 Minutes",
            "600, 10 Minutes", "3600, 1 Hour", "3660, 61 Minutes", "5400, 90 Minutes", "7200, 2 Hours",
            "86400, 24 Hours", "86399, 86399 Seconds", "3601, 3601 Seconds"
    })
    void formatsInTheLargestUnitThatDividesExactly(long seconds, String text) {
        assertThat(Durations.format(seconds)).isEqualTo(text);
    }

    @Test
    void formatRefusesNonPositive() {
        assertThatThrownBy(() -> Durations.format(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
