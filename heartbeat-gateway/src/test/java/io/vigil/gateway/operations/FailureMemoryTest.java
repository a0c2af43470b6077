package io.vigil.gateway.operations;

import io.vigil.events.config.AgentConfiguration;
import io.vigil.events.operations.OperationFailures;
import io.vigil.gateway.state.ExpectedConfiguration;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared failure memory: one entry per computer, at most one failure per operation type. */
class FailureMemoryTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String SERIAL = "0a1b";
    private static final ExpectedConfiguration DEFAULTS = ExpectedConfiguration.DEFAULTS;

    private final FailureMemory memory = new FailureMemory();
    private final PendingOperations operations = new PendingOperations(Duration.ofDays(30), memory);

    private static ExpectedConfiguration changed(int interval) {
        return ExpectedConfiguration.of(new AgentConfiguration(interval, "Bidirectional", null, List.of("any")),
                "computer");
    }

    private static FailureMemory.Outcome failed(long id) {
        return new FailureMemory.Outcome(id, true, "disk full");
    }

    private static FailureMemory.Outcome applied(long id) {
        return new FailureMemory.Outcome(id, false, null);
    }

    @Test
    void aFailureBlocksItsOperationAndIsReportedAsAChangeToShare() {
        long update = PendingOperations.updateId(DEFAULTS.fingerprint());
        Optional<FailureMemory.Change> change = memory.record(7, List.of(failed(update)), DEFAULTS, SERIAL, NOW);
        assertThat(change).hasValueSatisfying(c -> {
            assertThat(c.computerID()).isEqualTo(7);
            assertThat(c.failures().failed()).containsExactly(new OperationFailures.Failed(update,
                    Operation.UPDATE_CONFIGURATION, "disk full", NOW));
        });
        assertThat(memory.blocked(7, update)).isTrue();
        assertThat(memory.blocked(8, update)).as("another computer").isFalse();
        assertThat(operations.pending(7, "sha256:00", DEFAULTS, SERIAL, null, NOW)).isEmpty();
        assertThat(operations.pending(8, "sha256:00", DEFAULTS, SERIAL, null, NOW)).hasSize(1);
        // the same failure again changes nothing: nothing to publish
        assertThat(memory.record(7, List.of(failed(update)), DEFAULTS, SERIAL, NOW.plusSeconds(1))).isEmpty();
        assertThat(memory.record(7, List.of(), DEFAULTS, SERIAL, NOW)).isEmpty();
    }

    @Test
    void aNewConfigurationReplacesTheOldFailureSoTheMemoryStaysOneEntryPerComputer() {
        memory.record(7, List.of(failed(PendingOperations.updateId(DEFAULTS.fingerprint()))), DEFAULTS, SERIAL, NOW);
        ExpectedConfiguration next = changed(60);
        assertThat(operations.pending(7, DEFAULTS.fingerprint(), next, SERIAL, null, NOW)).as("new work is sent")
                .extracting(Operation::operationID).containsExactly(PendingOperations.updateId(next.fingerprint()));
        long nextId = PendingOperations.updateId(next.fingerprint());
        FailureMemory.Change change = memory.record(7, List.of(failed(nextId)), next, SERIAL, NOW).orElseThrow();
        assertThat(change.failures().failed()).extracting(OperationFailures.Failed::operationID)
                .containsExactly(nextId);
        assertThat(memory.size()).isEqualTo(1);
    }

    @Test
    void aFailedRenewalAndAFailedUpdateAreBothKeptSoNeitherIsOfferedAgain() {
        long update = PendingOperations.updateId(DEFAULTS.fingerprint());
        long renew = PendingOperations.renewId(SERIAL);
        memory.record(7, List.of(failed(update)), DEFAULTS, SERIAL, NOW);
        FailureMemory.Change change = memory.record(7, List.of(failed(renew)), DEFAULTS, SERIAL, NOW).orElseThrow();
        assertThat(change.failures().failed()).extracting(OperationFailures.Failed::type)
                .containsExactlyInAnyOrder(Operation.UPDATE_CONFIGURATION, Operation.RENEW_CERTIFICATE);
        assertThat(operations.pending(7, "sha256:00", DEFAULTS, SERIAL, NOW.plus(1, ChronoUnit.DAYS), NOW)).isEmpty();
    }

    @Test
    void anAppliedResultClearsItsTypeAndTheLastClearIsATombstone() {
        long update = PendingOperations.updateId(DEFAULTS.fingerprint());
        long renew = PendingOperations.renewId(SERIAL);
        memory.record(7, List.of(failed(update), failed(renew)), DEFAULTS, SERIAL, NOW);
        FailureMemory.Change first = memory.record(7, List.of(applied(update)), DEFAULTS, SERIAL, NOW).orElseThrow();
        assertThat(first.failures().failed()).extracting(OperationFailures.Failed::operationID).containsExactly(renew);
        assertThat(memory.blocked(7, update)).isFalse();
        FailureMemory.Change last = memory.record(7, List.of(applied(renew)), DEFAULTS, SERIAL, NOW).orElseThrow();
        assertThat(last.failures()).isNull();
        assertThat(memory.size()).isZero();
    }

    @Test
    void resultsForWorkThatIsNoLongerExpectedAreIgnored() {
        long old = PendingOperations.updateId(changed(60).fingerprint());
        assertThat(memory.record(7, List.of(failed(old)), DEFAULTS, SERIAL, NOW)).isEmpty();
        assertThat(memory.record(7, List.of(failed(PendingOperations.renewId("other"))), DEFAULTS, SERIAL, NOW))
                .isEmpty();
        // a polled heartbeat has no certificate serial: a renewal result cannot be matched
        assertThat(memory.record(7, List.of(failed(PendingOperations.renewId(SERIAL))), DEFAULTS, null, NOW))
                .isEmpty();
        assertThat(memory.size()).isZero();
    }

    @Test
    void whatAnotherReplicaPublishedBlocksHereAndATombstoneUnblocks() {
        long update = PendingOperations.updateId(DEFAULTS.fingerprint());
        memory.replace(9, new OperationFailures(9, List.of(new OperationFailures.Failed(update,
                Operation.UPDATE_CONFIGURATION, "no space", NOW))));
        assertThat(operations.pending(9, "sha256:00", DEFAULTS, SERIAL, null, NOW)).isEmpty();
        memory.replace(9, null);
        assertThat(operations.pending(9, "sha256:00", DEFAULTS, SERIAL, null, NOW)).hasSize(1);
        memory.replace(9, new OperationFailures(9, List.of()));
        assertThat(memory.size()).isZero();
    }
}
