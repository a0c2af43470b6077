package io.vigil.alerts.liveness;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.vigil.alerts.liveness.TrackerFixture.ID;
import static io.vigil.alerts.liveness.TrackerFixture.T0;
import static io.vigil.alerts.liveness.TrackerFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Silences days long survive a restart through the liveness snapshot (a platform-outage's held-back alerts:
 * {@link HeldAlertsTest}).
 */
class LongSilenceTest {

    private static final long DAY = 86_400_000L;
    private static final long HORIZON = 12 * 3_600_000L;
    private static final LivenessSettings SHORTER = TrackerFixture.settings(2, 0);
    /** The N+1 deadline of the heartbeat at T0 with the settings before the change (10 s, N = 1). */
    private static final long WAITING_DEADLINE = T0 + 2 * 10_000 + 1_000;

    private static LivenessTracker tracker() {
        return new LivenessTracker(LivenessSettings.CONTRACT_DEFAULTS, HORIZON);
    }

    private static List<Outcome> heartbeat(LivenessTracker tracker, long at) {
        List<Outcome> out = new ArrayList<>();
        tracker.heartbeat(ID, at, null, List.of(), out);
        return out;
    }

    private static List<Outcome> judge(LivenessTracker tracker, long upTo) {
        List<Outcome> out = new ArrayList<>();
        tracker.judge(upTo, out);
        return out;
    }

    @Test
    void aDeadlineDaysAwayIsJudgedExactlyAfterARestartFromTheSnapshotAlone() {
        LivenessTracker before = tracker();
        before.settings(ID, new LivenessSettings(86_400, 100, LivenessSettings.UNLIMITED, false), T0, new ArrayList<>());
        List<Outcome.Snapshot> snapshots = only(heartbeat(before, T0), Outcome.Snapshot.class);
        assertThat(snapshots).as("the first deadline lies beyond half the rebuild window").hasSize(1);
        long deadline = T0 + 101 * DAY + 30_000;

        LivenessTracker after = tracker();
        after.restore(snapshots.getFirst().snapshot());
        assertThat(after.size()).isEqualTo(1);
        assertThat(only(judge(after, deadline - DAY - 1), Outcome.OfflineAlert.class)).isEmpty();
        List<Outcome> missed = judge(after, deadline - 1);
        assertThat(only(missed, Outcome.OfflineAlert.class)).isEmpty();
        assertThat(only(missed, Outcome.LivenessUpdate.class)).last()
                .satisfies(u -> assertThat(u.missedHeartbeats()).isEqualTo(100));
        assertThat(only(judge(after, deadline), Outcome.OfflineAlert.class)).singleElement()
                .satisfies(a -> {
                    assertThat(a.deadline()).isEqualTo(deadline);
                    assertThat(a.lastHeartbeatAt()).isEqualTo(T0);
                });
    }

    @Test
    void aSnapshotNeverUndoesANewerHeartbeatNorRaisesTwice() {
        LivenessTracker before = tracker();
        before.settings(ID, TrackerFixture.settings(2, 0), T0, new ArrayList<>());
        heartbeat(before, T0);
        List<Outcome> judged = judge(before, T0 + 2_200);
        assertThat(only(judged, Outcome.OfflineAlert.class)).hasSize(1);
        ComputerSnapshot offline = only(judged, Outcome.Snapshot.class).getLast().snapshot();
        assertThat(offline.alertRaised()).isTrue();

        LivenessTracker after = tracker();
        after.restore(offline);
        assertThat(only(judge(after, T0 + 4_200), Outcome.OfflineAlert.class)).as("raised before the restart").isEmpty();
        assertThat(after.silent()).isEqualTo(1);
        heartbeat(after, T0 + 5_000);
        after.restore(offline);
        assertThat(after.silent()).isZero();
        assertThat(only(judge(after, T0 + 5_000 + 1_000), Outcome.LivenessUpdate.class)).isEmpty();
    }

    /**
     * A rebuild knows only the latest settings (the configuration topic is compacted). A shorter interval, a smaller N
     * or a VM start that arrived after the last heartbeat applies from the next heartbeat; replayed with the latest
     * settings alone, the last heartbeat would get an earlier deadline than the one the engine had before the restart.
     */
    @Test
    void aChangeWaitingForTheNextHeartbeatKeepsItsDeadlineThroughARebuild() {
        List<Outcome.Snapshot> written = snapshotsOfAChangeWaitingForTheNextHeartbeat();
        LivenessTracker rebuilt = tracker();
        rebuilt.settings(ID, SHORTER, T0 + 1_000, new ArrayList<>());
        written.forEach(s -> rebuilt.restore(s.snapshot()));
        heartbeat(rebuilt, T0);
        assertThat(only(judge(rebuilt, WAITING_DEADLINE - 1), Outcome.OfflineAlert.class)).as("never early").isEmpty();
        assertThat(only(judge(rebuilt, WAITING_DEADLINE), Outcome.OfflineAlert.class)).singleElement()
                .satisfies(a -> assertThat(a.deadline()).isEqualTo(WAITING_DEADLINE));
    }

    @Test
    void aChangeWaitingForTheNextHeartbeatKeepsItsDeadlineWhenTheRebuildReadsTheSnapshotFirst() {
        List<Outcome.Snapshot> written = snapshotsOfAChangeWaitingForTheNextHeartbeat();
        LivenessTracker rebuilt = tracker();
        written.forEach(s -> rebuilt.restore(s.snapshot()));
        rebuilt.settings(ID, SHORTER, T0 + 1_000, new ArrayList<>());
        assertThat(only(judge(rebuilt, WAITING_DEADLINE - 1), Outcome.OfflineAlert.class)).as("never early").isEmpty();
        assertThat(only(judge(rebuilt, WAITING_DEADLINE), Outcome.OfflineAlert.class)).hasSize(1);
    }

    /** The snapshots written for a heartbeat at T0 (10 s, N = 1) and a shorter interval that arrived after it. */
    private static List<Outcome.Snapshot> snapshotsOfAChangeWaitingForTheNextHeartbeat() {
        List<Outcome> written = new ArrayList<>();
        LivenessTracker live = tracker();
        live.settings(ID, TrackerFixture.settings(10, 1), T0, written);
        written.addAll(heartbeat(live, T0));
        live.settings(ID, SHORTER, T0 + 1_000, written);
        assertThat(live.nextDeadline()).as("the change waits for the next heartbeat").isEqualTo(T0 + 10_000 + 1_000);
        return only(written, Outcome.Snapshot.class);
    }

    @Test
    void aVmStartedAfterTheLastHeartbeatStaysSuppressedThroughARebuild() {
        LivenessSettings alertsOffForStoppedVms = TrackerFixture.settings(2, 0);
        List<Outcome> written = new ArrayList<>();
        LivenessTracker live = tracker();
        live.settings(ID, alertsOffForStoppedVms, T0, written);
        live.registration(ID, "vm-01", true, false, T0, written);
        written.addAll(heartbeat(live, T0));
        live.registration(ID, "vm-01", false, false, T0 + 500, written);
        assertThat(only(judge(live, T0 + 60_000), Outcome.OfflineAlert.class)).as("suppressed for this silence")
                .isEmpty();

        LivenessTracker rebuilt = tracker();
        rebuilt.settings(ID, alertsOffForStoppedVms, T0, new ArrayList<>());
        rebuilt.registration(ID, "vm-01", false, false, T0 + 500, new ArrayList<>());
        only(written, Outcome.Snapshot.class).forEach(s -> rebuilt.restore(s.snapshot()));
        heartbeat(rebuilt, T0);
        assertThat(only(judge(rebuilt, T0 + 60_000), Outcome.OfflineAlert.class)).isEmpty();
    }
}
