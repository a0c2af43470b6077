package io.vigil.agent;

import org.junit.jupiter.api.Test;

import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RoundTripsTest {

    @Test
    void percentilesAreWithinOneBucketOfTheTruth() {
        RoundTrips trips = new RoundTrips();
        IntStream.rangeClosed(1, 1000).forEach(ms -> trips.record(ms * 1_000_000L)); // 1 ms .. 1000 ms
        assertThat(trips.count()).isEqualTo(1000);
        assertThat(trips.percentileMillis(0.5)).isBetween(500.0, 500 * 1.0625);
        assertThat(trips.percentileMillis(0.99)).isBetween(990.0, 990 * 1.0625);
        assertThat(trips.percentileMillis(1.0)).isBetween(1000.0, 1000 * 1.0625);
    }

    @Test
    void smallValuesAreExact() {
        RoundTrips trips = new RoundTrips();
        trips.record(3_000); // 3 µs
        assertThat(trips.percentileMillis(1.0)).isCloseTo(0.004, within(1e-9));
        trips.record(0); // counted as 1 µs, never lost
        assertThat(trips.count()).isEqualTo(2);
        assertThat(trips.percentileMillis(0.5)).isCloseTo(0.002, within(1e-9));
    }

    @Test
    void everyBucketEdgeContainsItsValue() {
        for (long micros = 1; micros < 1L << 30; micros = micros * 3 / 2 + 1) {
            int bucket = RoundTrips.bucket(micros);
            assertThat(RoundTrips.upperMicros(bucket)).as("upper edge of %d", micros).isGreaterThan(micros);
            assertThat(RoundTrips.upperMicros(bucket)).isLessThanOrEqualTo((long) Math.ceil(micros * 1.0625) + 1);
            if (bucket > 0) {
                assertThat(RoundTrips.upperMicros(bucket - 1)).as("previous edge of %d", micros)
                        .isLessThanOrEqualTo(micros);
            }
        }
    }

    @Test
    void resetForgetsAndEmptyAnswersZero() {
        RoundTrips trips = new RoundTrips();
        trips.record(5_000_000);
        trips.reset();
        assertThat(trips.count()).isZero();
        assertThat(trips.percentileMillis(0.99)).isZero();
        assertThatThrownBy(() -> trips.percentileMillis(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
