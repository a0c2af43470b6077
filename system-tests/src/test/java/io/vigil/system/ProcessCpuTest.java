package io.vigil.system;

import io.vigil.system.ProcessCpu.ThreadKind;
import io.vigil.system.ProcessCpu.ThreadTicks;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How the capacity benchmark tells the JVMs' compilation and collection from their work. Runs without a platform. */
class ProcessCpuTest {

    @Test
    void threadsAreToldApartByTheNamesTheJvmGivesThem() {
        assertThat(ThreadKind.of("C2 CompilerThre")).isEqualTo(ThreadKind.JIT_COMPILATION);
        assertThat(ThreadKind.of("C1 CompilerThre")).isEqualTo(ThreadKind.JIT_COMPILATION);
        assertThat(ThreadKind.of("GC Thread#1")).isEqualTo(ThreadKind.GARBAGE_COLLECTION);
        assertThat(ThreadKind.of("G1 Conc#0")).isEqualTo(ThreadKind.GARBAGE_COLLECTION);
        assertThat(ThreadKind.of("G1 Refine#0")).isEqualTo(ThreadKind.GARBAGE_COLLECTION);
        assertThat(ThreadKind.of("VM Thread")).isEqualTo(ThreadKind.GARBAGE_COLLECTION);
        assertThat(ThreadKind.of("vert.x-eventloo")).isEqualTo(ThreadKind.WORK);
        assertThat(ThreadKind.of("kafka-producer-")).isEqualTo(ThreadKind.WORK);
        assertThat(ThreadKind.of("data-plane-kafk")).isEqualTo(ThreadKind.WORK);
        assertThat(ThreadKind.of("VM Periodic Tas")).isEqualTo(ThreadKind.WORK);
    }

    @Test
    void whatEachKindUsedIsSummedOverThePartsGivenAndNewThreadsCountInFull() {
        Map<String, Map<Long, ThreadTicks>> before = Map.of(
                "heartbeat-gateway", Map.of(1L, new ThreadTicks(ThreadKind.WORK, 100),
                        2L, new ThreadTicks(ThreadKind.JIT_COMPILATION, 50)),
                "kafka", Map.of(7L, new ThreadTicks(ThreadKind.GARBAGE_COLLECTION, 10)));
        Map<String, Map<Long, ThreadTicks>> after = Map.of(
                "heartbeat-gateway", Map.of(1L, new ThreadTicks(ThreadKind.WORK, 130),
                        // thread 2 ended (its ticks are not counted), thread 3 started
                        3L, new ThreadTicks(ThreadKind.JIT_COMPILATION, 4)),
                "kafka", Map.of(7L, new ThreadTicks(ThreadKind.GARBAGE_COLLECTION, 12)),
                "load-generator", Map.of(9L, new ThreadTicks(ThreadKind.WORK, 1_000)));

        Map<ThreadKind, Double> millis = ProcessCpu.byKind(before, after, List.of("heartbeat-gateway", "kafka"));

        assertThat(millis).containsExactlyInAnyOrderEntriesOf(Map.of(
                ThreadKind.WORK, 300.0, ThreadKind.JIT_COMPILATION, 40.0, ThreadKind.GARBAGE_COLLECTION, 20.0));
    }

    @Test
    void theThreadsOfAProcessAreReadWithTheirKinds() {
        Map<Long, ThreadTicks> own = ProcessCpu.threadsOf(ProcessHandle.current().pid());
        assertThat(own).isNotEmpty();
        assertThat(own.values()).anyMatch(t -> t.kind() == ThreadKind.WORK);
        assertThat(own.values()).anyMatch(t -> t.kind() == ThreadKind.GARBAGE_COLLECTION);
    }

    @Test
    void theThreadsOfAPoolAreOneGroupAndTheBusiestGroupComesFirst() {
        assertThat(ThreadTicks.groupOf("data-plane-kafka-request-handler-3"))
                .isEqualTo(ThreadTicks.groupOf("data-plane-kafka-request-handler-11"))
                .isEqualTo("data-plane-kafka-request-handler-#");
        Map<String, Map<Long, ThreadTicks>> before = Map.of("kafka", Map.of(
                1L, new ThreadTicks(ThreadKind.WORK, 100, "handler-#"),
                2L, new ThreadTicks(ThreadKind.WORK, 100, "handler-#"),
                3L, new ThreadTicks(ThreadKind.WORK, 10, "network-#")));
        Map<String, Map<Long, ThreadTicks>> after = Map.of("kafka", Map.of(
                1L, new ThreadTicks(ThreadKind.WORK, 101, "handler-#"),
                2L, new ThreadTicks(ThreadKind.WORK, 102, "handler-#"),
                3L, new ThreadTicks(ThreadKind.WORK, 15, "network-#"),
                4L, new ThreadTicks(ThreadKind.WORK, 1, "cleaner")));

        Map<String, Double> millis = ProcessCpu.byGroup(before, after, "kafka");

        assertThat(millis).containsExactly(Map.entry("network-#", 50.0), Map.entry("handler-#", 30.0),
                Map.entry("cleaner", 10.0));
    }
}
