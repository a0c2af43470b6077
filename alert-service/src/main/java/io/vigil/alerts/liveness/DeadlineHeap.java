package io.vigil.alerts.liveness;

import java.util.Arrays;

/**
 * An indexed binary min-heap of computers ordered by their next deadline. Each computer knows its slot
 * ({@link ComputerState#heapIndex}), so moving a deadline (every heartbeat) is one O(log n) sift and removal is
 * O(log n); the earliest deadline is read in O(1). Memory: one reference per tracked computer with a deadline.
 */
final class DeadlineHeap {

    private ComputerState[] items = new ComputerState[64];
    private int size;

    int size() {
        return size;
    }

    ComputerState peek() {
        return size == 0 ? null : items[0];
    }

    /** Inserts or moves the computer to its current {@link ComputerState#deadline}. */
    void schedule(ComputerState state) {
        if (state.heapIndex < 0) {
            if (size == items.length) {
                items = Arrays.copyOf(items, size * 2);
            }
            items[size] = state;
            state.heapIndex = size++;
            siftUp(state.heapIndex);
        } else {
            int index = state.heapIndex;
            siftUp(index);
            siftDown(state.heapIndex);
        }
    }

    void remove(ComputerState state) {
        int index = state.heapIndex;
        if (index < 0) {
            return;
        }
        state.heapIndex = -1;
        size--;
        if (index != size) {
            ComputerState moved = items[size];
            items[index] = moved;
            moved.heapIndex = index;
            siftUp(index);
            siftDown(moved.heapIndex);
        }
        items[size] = null;
    }

    private void siftUp(int index) {
        ComputerState item = items[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (items[parent].deadline <= item.deadline) {
                break;
            }
            place(items[parent], index);
            index = parent;
        }
        place(item, index);
    }

    private void siftDown(int index) {
        ComputerState item = items[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            int right = child + 1;
            if (right < size && items[right].deadline < items[child].deadline) {
                child = right;
            }
            if (item.deadline <= items[child].deadline) {
                break;
            }
            place(items[child], index);
            index = child;
        }
        place(item, index);
    }

    private void place(ComputerState item, int index) {
        items[index] = item;
        item.heapIndex = index;
    }
}
