package io.vigil.gateway.contact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded queue of configuration pushes waiting for the rate limiter: one entry per computer (a newer push for a
 * computer already waiting replaces its content and keeps its place), first come first served, at most
 * {@code capacity} computers. When it is full a push is refused; the configuration then reaches the agent through
 * the fallback (its next heartbeat, or the next poll's fingerprint check).
 */
public final class PushQueue<T> {

    private final int capacity;
    private final Map<Long, T> waiting = new LinkedHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();

    public PushQueue(int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Queues (or replaces) the push for a computer; false when the queue is full. */
    public boolean offer(long computerID, T push) {
        lock.lock();
        try {
            if (!waiting.containsKey(computerID) && waiting.size() >= capacity) {
                return false;
            }
            waiting.put(computerID, push);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The oldest waiting push, waiting up to the timeout for one; empty when none arrived. */
    public Optional<T> poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (waiting.isEmpty()) {
                if (nanos <= 0) {
                    return Optional.empty();
                }
                nanos = notEmpty.awaitNanos(nanos);
            }
            var first = waiting.entrySet().iterator();
            T push = first.next().getValue();
            first.remove();
            return Optional.of(push);
        } finally {
            lock.unlock();
        }
    }

    public int size() {
        lock.lock();
        try {
            return waiting.size();
        } finally {
            lock.unlock();
        }
    }
}
