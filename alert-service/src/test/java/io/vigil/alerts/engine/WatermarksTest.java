package io.vigil.alerts.engine;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WatermarksTest {

    private final Watermarks watermarks = new Watermarks(List.of("hb", "cfg"));
    private final Map<TopicPartition, Long> positions = new HashMap<>();

    private static Map<TopicPartition, Long> ends(int partition, long hb, long cfg) {
        return Map.of(new TopicPartition("hb", partition), hb, new TopicPartition("cfg", partition), cfg);
    }

    private void read(int partition, long hb, long cfg) {
        positions.put(new TopicPartition("hb", partition), hb);
        positions.put(new TopicPartition("cfg", partition), cfg);
        watermarks.positionsRead(tp -> positions.getOrDefault(tp, 0L));
    }

    @Test
    void aNewPartitionHasNoWatermarkUntilItCaughtUpOnce() {
        watermarks.assigned(3);
        assertThat(watermarks.watermark(3)).isEqualTo(Watermarks.NONE);
        watermarks.endOffsetsFetched(1_000, ends(3, 10, 5));
        read(3, 9, 5);
        assertThat(watermarks.watermark(3)).isEqualTo(Watermarks.NONE);
        read(3, 10, 4);
        assertThat(watermarks.watermark(3)).isEqualTo(Watermarks.NONE);
        read(3, 10, 5);
        assertThat(watermarks.watermark(3)).isEqualTo(1_000);
    }

    @Test
    void aLaggingPartitionHoldsItsWatermarkAndTheLowest() {
        watermarks.assigned(0);
        watermarks.assigned(1);
        watermarks.endOffsetsFetched(1_000, new HashMap<>() {{
            putAll(ends(0, 1, 1));
            putAll(ends(1, 1, 1));
        }});
        read(0, 1, 1);
        read(1, 1, 1);
        assertThat(watermarks.lowest()).isEqualTo(1_000);
        watermarks.endOffsetsFetched(2_000, new HashMap<>() {{
            putAll(ends(0, 2, 1));
            putAll(ends(1, 500, 1));
        }});
        read(0, 2, 1);
        assertThat(watermarks.watermark(0)).isEqualTo(2_000);
        assertThat(watermarks.watermark(1)).isEqualTo(1_000);
        assertThat(watermarks.lowest()).isEqualTo(1_000);
        assertThat(watermarks.awaiting(1)).isTrue();
    }

    @Test
    void aPendingFetchIsNotReplacedByNewerOnesUntilReached() {
        watermarks.assigned(0);
        watermarks.endOffsetsFetched(1_000, ends(0, 5, 0));
        watermarks.endOffsetsFetched(2_000, ends(0, 6, 0));
        read(0, 5, 0);
        assertThat(watermarks.watermark(0)).isEqualTo(1_000);
    }

    @Test
    void incompleteFetchesAndRevokedPartitionsGiveNothing() {
        watermarks.assigned(0);
        watermarks.endOffsetsFetched(1_000, Map.of(new TopicPartition("hb", 0), 0L));
        read(0, 0, 0);
        assertThat(watermarks.watermark(0)).isEqualTo(Watermarks.NONE);
        watermarks.revoked(0);
        assertThat(watermarks.lowest()).isEqualTo(Long.MAX_VALUE);
    }
}
