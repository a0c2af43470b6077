package io.vigil.alerts.it;

import io.vigil.alerts.engine.BrokerClock;
import io.vigil.alerts.engine.OutcomeSink;
import io.vigil.alerts.liveness.Outcome;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sink of a test engine: records the offline alerts it decides (with this host's time of the decision) and hands
 * only snapshots and clock ticks to the service's real sink, so that the test engine stores no alert of its own.
 */
final class RecordingSink implements OutcomeSink {

    /** An offline alert the engine decided at host time {@code at}. */
    record Decided(Outcome.OfflineAlert alert, long at) {
    }

    private final OutcomeSink delegate;
    private final List<Decided> offline = new CopyOnWriteArrayList<>();
    private final Set<Long> snapshotted = ConcurrentHashMap.newKeySet();

    RecordingSink(OutcomeSink delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<Outcome.OfflineAlert> accept(List<Outcome> outcomes) {
        long now = System.currentTimeMillis();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.OfflineAlert alert) {
                offline.add(new Decided(alert, now));
            } else if (outcome instanceof Outcome.Snapshot snapshot) {
                snapshotted.add(snapshot.computerID());
            }
        }
        delegate.accept(outcomes.stream().filter(Outcome.Snapshot.class::isInstance).toList());
        return List.of();
    }

    @Override
    public void poison(String topic, int partition, long offset, byte[] key, byte[] value, String reason) {
        delegate.poison(topic, partition, offset, key, value, reason);
    }

    @Override
    public void clockTick(BrokerClock clock) {
        delegate.clockTick(clock);
    }

    List<Decided> offline(long computer) {
        return offline.stream().filter(d -> d.alert().computerID() == computer).toList();
    }

    boolean snapshotted(long computer) {
        return snapshotted.contains(computer);
    }
}
