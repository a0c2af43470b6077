package io.vigil.gateway.operations;

import io.vigil.events.operations.OperationFailures;
import io.vigil.gateway.state.ExpectedConfiguration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operations each computer's agent reported as failed, shared by every gateway replica through the compacted
 * topic {@code vigil.internal.operation-failures}. One entry per computer holding at most one failure per operation
 * type: only the current work of a type can be pending, so an older failure of that type is replaced. A failure
 * blocks that operation ID; an applied result of the same type clears that type.
 */
public final class FailureMemory {

    private final Map<Long, OperationFailures> byComputer = new ConcurrentHashMap<>();

    /** The outcome of one operation as the agent reported it. */
    public record Outcome(long operationID, boolean failed, String reason) {
    }

    /**
     * The computer's new failure memory after a change; {@code failures} is null when nothing is failed any more
     * (published as a tombstone).
     */
    public record Change(long computerID, OperationFailures failures) {
    }

    public boolean blocked(long computerID, long operationID) {
        OperationFailures failures = byComputer.get(computerID);
        return failures != null && failures.failed().stream().anyMatch(f -> f.operationID() == operationID);
    }

    /**
     * Records the agent's results for the work expected now (results for other work, e.g. a configuration that has
     * changed since, are ignored: that operation is no longer sent anyway).
     *
     * @return the change to share with the other replicas, if the memory changed
     */
    public Optional<Change> record(long computerID, List<Outcome> outcomes, ExpectedConfiguration expected,
                                   String certificateSerial, Instant now) {
        if (outcomes.isEmpty()) {
            return Optional.empty();
        }
        Change[] change = new Change[1];
        byComputer.compute(computerID, (id, current) -> {
            List<OperationFailures.Failed> failed = new ArrayList<>(current == null ? List.of() : current.failed());
            for (Outcome outcome : outcomes) {
                Optional<String> type = PendingOperations.typeOf(outcome.operationID(), expected, certificateSerial);
                if (type.isEmpty()) {
                    continue;
                }
                if (outcome.failed() && failed.stream().anyMatch(f -> f.operationID() == outcome.operationID())) {
                    continue; // already known: keep when it first failed, nothing new to share
                }
                failed.removeIf(f -> f.type().equals(type.get()));
                if (outcome.failed()) {
                    failed.add(new OperationFailures.Failed(outcome.operationID(), type.get(), outcome.reason(), now));
                }
            }
            List<OperationFailures.Failed> before = current == null ? List.of() : current.failed();
            OperationFailures next = failed.isEmpty() ? null : new OperationFailures(computerID, failed);
            if (!failed.equals(before)) {
                change[0] = new Change(computerID, next);
            }
            return next;
        });
        return Optional.ofNullable(change[0]);
    }

    /** Takes a computer's failure memory as another replica (or this one) published it; null forgets it. */
    public void replace(long computerID, OperationFailures failures) {
        if (failures == null || failures.failed().isEmpty()) {
            byComputer.remove(computerID);
        } else {
            byComputer.put(computerID, failures);
        }
    }

    /** How many computers have a failed operation (at most one entry each). */
    public int size() {
        return byComputer.size();
    }
}
