package io.vigil.gateway.contact;

import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.config.ConfigFingerprint;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The computers this replica contacts: those of the {@code vigil.internal.computer-config} partitions the contact
 * group assigned to it, with their latest configuration. Schedules polls of the Manager Initiated ones, hands
 * configuration changes to the push queue as {@link ContactPlan} decides, and forgets a partition's computers the
 * moment the partition is revoked. Thread-safe (the group consumer feeds it, the poller and pusher read it).
 */
public final class ContactCoordinator implements ContactAssignment.Listener {

    /** A computer this replica owns: its partition and latest configuration. */
    public record Owned(int partition, AgentConfiguration configuration, String fingerprint) {
        public String direction() {
            return configuration.communicationsDirection();
        }
    }

    private final Map<Long, Owned> owned = new HashMap<>();
    private final Map<Integer, Set<Long>> byPartition = new HashMap<>();
    private final PollSchedule schedule;
    private final Consumer<PushRequest> pushes;
    private final LongSupplier clockMillis;

    public ContactCoordinator(PollSchedule schedule, Consumer<PushRequest> pushes, LongSupplier clockMillis) {
        this.schedule = schedule;
        this.pushes = pushes;
        this.clockMillis = clockMillis;
    }

    @Override
    public synchronized void assigned(Collection<Integer> partitions) {
        partitions.forEach(p -> byPartition.computeIfAbsent(p, k -> new HashSet<>()));
    }

    @Override
    public synchronized void revoked(Collection<Integer> partitions) {
        for (Integer partition : partitions) {
            Set<Long> computers = byPartition.remove(partition);
            if (computers != null) {
                computers.forEach(id -> {
                    owned.remove(id);
                    schedule.remove(id);
                });
            }
        }
    }

    @Override
    public synchronized void record(int partition, long computerID, ComputerConfiguration record, boolean live) {
        Set<Long> computers = byPartition.get(partition);
        if (computers == null) {
            return; // not (or no longer) ours
        }
        if (record == null || record.configuration() == null) {
            computers.remove(computerID);
            owned.remove(computerID);
            schedule.forget(computerID);
            return;
        }
        AgentConfiguration configuration = record.configuration();
        String fingerprint = record.configFingerprint() != null ? record.configFingerprint()
                : ConfigFingerprint.of(configuration);
        Owned previous = owned.put(computerID, new Owned(partition, configuration, fingerprint));
        computers.add(computerID);
        ContactPlan.Decision decision = ContactPlan.decide(
                previous == null ? null : new ContactPlan.Known(previous.configuration(), previous.fingerprint()),
                new ContactPlan.Known(configuration, fingerprint), live);
        if (decision.poll()) {
            schedule.schedule(computerID, Math.max(1, configuration.heartbeatIntervalSeconds()) * 1000,
                    clockMillis.getAsLong());
        } else {
            schedule.remove(computerID);
        }
        if (decision.push()) {
            pushes.accept(new PushRequest(computerID, fingerprint, configuration));
        }
    }

    /** The Manager Initiated computers due for a poll now. */
    public synchronized List<Long> duePolls() {
        return schedule.due(clockMillis.getAsLong());
    }

    public synchronized Optional<Owned> owned(long computerID) {
        return Optional.ofNullable(owned.get(computerID));
    }

    public synchronized Set<Long> ownedComputers() {
        return Set.copyOf(owned.keySet());
    }

    public synchronized Set<Integer> partitions() {
        return Set.copyOf(byPartition.keySet());
    }
}
