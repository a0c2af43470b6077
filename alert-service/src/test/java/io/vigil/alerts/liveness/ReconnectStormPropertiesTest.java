package io.vigil.alerts.liveness;

import io.vigil.alerts.liveness.Outcome.OfflineAlert;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.vigil.alerts.liveness.TrackerFixture.T0;
import static io.vigil.alerts.liveness.TrackerFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * However a fleet that fell silent together reconnects after a platform-outage: a computer heard from by the end of
 * its allowance (its own offline deadline counted from the moment alerts were allowed again) is never alerted, and
 * one that stays away longer, or never comes back, is alerted exactly once, when its allowance ends, with the
 * deadline at which it really went offline. A computer whose own deadline comes after the outage was never held: its
 * own rule applies. Times lie on the engine's 100-ms steps: what was received up to a step is read before it judges.
 */
class ReconnectStormPropertiesTest {

    private static final long STEP = 100;
    private static final long NEVER = -1;

    /** A computer's settings, and when it comes back after the fleet fell silent at T0 (ms), or {@link #NEVER}. */
    record Computer(int interval, int threshold, long backAfter) {

        long offlineDeadline() {
            return Deadlines.missedAt(T0, interval, Deadlines.offlineAt(threshold));
        }

        /** When the computer is alerted unless it is back by then. */
        long alertDue(long allowedAt) {
            boolean held = offlineDeadline() < allowedAt;
            return held ? Deadlines.missedAt(allowedAt, interval, Deadlines.offlineAt(threshold)) : offlineDeadline();
        }

        boolean backBy(long at) {
            return backAfter != NEVER && T0 + backAfter <= at;
        }

        /** Its latest heartbeat by {@code at}: back, then every interval; {@link #NEVER} before it is back. */
        long latestBeat(long at) {
            if (!backBy(at)) {
                return NEVER;
            }
            return at - (at - T0 - backAfter) % (interval * 1_000L);
        }
    }

    @Provide
    Arbitrary<List<Computer>> fleets() {
        Arbitrary<Long> back = Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(NEVER)),
                Tuple.of(4, Arbitraries.longs().between(1, 1_200).map(steps -> steps * STEP)));
        return Combinators.combine(Arbitraries.integers().between(1, 10), Arbitraries.integers().between(0, 3), back)
                .as(Computer::new).list().ofMinSize(1).ofMaxSize(12);
    }

    @Property(tries = 300)
    void aComputerBackWithinItsAllowanceIsNeverAlertedAndOneThatStaysAwayIsAlertedOnce(
            @ForAll("fleets") List<Computer> fleet, @ForAll @LongRange(min = 1, max = 600) long outageSteps) {
        long allowedAt = T0 + outageSteps * STEP;
        LivenessTracker tracker = new LivenessTracker(LivenessSettings.CONTRACT_DEFAULTS);
        long end = T0;
        for (int id = 0; id < fleet.size(); id++) {
            Computer computer = fleet.get(id);
            tracker.settings(id, TrackerFixture.settings(computer.interval(), computer.threshold()), T0,
                    new ArrayList<>());
            tracker.heartbeat(id, T0, null, List.of(), new ArrayList<>());
            end = Math.max(end, Math.max(computer.alertDue(allowedAt), T0 + Math.max(0, computer.backAfter())));
        }

        Map<Long, List<OfflineAlert>> raised = new HashMap<>();
        for (long step = T0 + STEP; step <= end + STEP; step += STEP) {
            for (int id = 0; id < fleet.size(); id++) {
                long beat = fleet.get(id).latestBeat(step);
                if (beat > step - STEP) {
                    tracker.heartbeat(id, beat, null, List.of(), new ArrayList<>());
                }
            }
            List<Outcome> out = new ArrayList<>();
            tracker.judge(step, out);
            if (step < allowedAt) {
                only(out, OfflineAlert.class).forEach(tracker::withhold);
                tracker.keepWithheld(true);
            } else {
                tracker.releaseWithheld(step, step, out);
                only(out, OfflineAlert.class).forEach(alert ->
                        raised.computeIfAbsent(alert.computerID(), id -> new ArrayList<>()).add(alert));
            }
        }

        for (int id = 0; id < fleet.size(); id++) {
            Computer computer = fleet.get(id);
            long due = computer.alertDue(allowedAt);
            List<OfflineAlert> alerts = raised.getOrDefault((long) id, List.of());
            if (computer.backBy(due)) {
                assertThat(alerts).as("%s back by %d", computer, due).isEmpty();
            } else {
                assertThat(alerts).as("%s away at %d", computer, due).singleElement().satisfies(alert -> {
                    assertThat(alert.lastHeartbeatAt()).isEqualTo(T0);
                    assertThat(alert.deadline()).isEqualTo(computer.offlineDeadline());
                    assertThat(alert.judgedAt()).isEqualTo(due);
                });
            }
        }
        assertThat(tracker.withholding()).as("nothing left held").isFalse();
    }
}
