package io.vigil.alerts.liveness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DeadlineHeapTest {

    @Test
    void popsInDeadlineOrderAfterMovesAndRemovals() {
        DeadlineHeap heap = new DeadlineHeap();
        Random random = new Random(7);
        List<ComputerState> states = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            ComputerState state = new ComputerState(i, LivenessSettings.CONTRACT_DEFAULTS);
            state.deadline = random.nextInt(1_000_000);
            heap.schedule(state);
            states.add(state);
        }
        for (int i = 0; i < 1_000; i++) {
            ComputerState state = states.get(random.nextInt(states.size()));
            state.deadline = random.nextInt(1_000_000);
            heap.schedule(state);
        }
        for (int i = 0; i < 500; i++) {
            heap.remove(states.get(i * 4));
        }
        heap.remove(states.get(0));
        assertThat(heap.size()).isEqualTo(1_500);
        long previous = Long.MIN_VALUE;
        while (heap.peek() != null) {
            ComputerState first = heap.peek();
            assertThat(first.deadline).isGreaterThanOrEqualTo(previous);
            previous = first.deadline;
            heap.remove(first);
            assertThat(first.heapIndex).isEqualTo(-1);
        }
    }
}
