package io.vigil.alerts.liveness;

import io.vigil.alerts.liveness.Outcome.OfflineAlert;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.vigil.alerts.liveness.TrackerFixture.T0;
import static io.vigil.alerts.liveness.TrackerFixture.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offline alerts a platform-outage held back. Once per-computer alerts are allowed again, a held computer is not
 * alerted at once (a fleet reconnects after an outage over a while): it gets the allowance a computer heard from at
 * that moment would have, its own offline deadline counted from then, and is alerted only if still silent since the
 * same heartbeat, with the deadline at which it really went offline. A computer heard from before gets none. Alerts
 * held back only while an outage was suspected, and none followed, get no allowance.
 */
class HeldAlertsTest {

    private static final long WEB = 1;
    private static final long DB = 2;
    /** 2-second interval, threshold 1: offline 2·2 s + 0.2 s after the last heartbeat, and so is the allowance. */
    private static final LivenessSettings TWO_SECONDS = TrackerFixture.settings(2, 1);
    private static final long OFFLINE = T0 + 4_200;
    private static final long ALLOWANCE = 4_200;
    private static final long ALLOWED = T0 + 30_000;

    private final LivenessTracker tracker = new LivenessTracker(LivenessSettings.CONTRACT_DEFAULTS);

    private void heardFrom(long id, LivenessSettings settings, long at) {
        tracker.settings(id, settings, at, new ArrayList<>());
        heardFrom(id, at);
    }

    private void heardFrom(long id, long at) {
        tracker.heartbeat(id, at, null, List.of(), new ArrayList<>());
    }

    /** Judges up to {@code upTo} while a platform-outage holds alerts back, as the engine does: each one withheld. */
    private void judgeHeldBack(long upTo) {
        judgeHeldBack(upTo, true);
    }

    private void judgeHeldBack(long upTo, boolean platformOutage) {
        List<Outcome> out = new ArrayList<>();
        tracker.judge(upTo, out);
        only(out, OfflineAlert.class).forEach(tracker::withhold);
        tracker.keepWithheld(platformOutage);
    }

    /** Judges and releases up to {@code upTo} with per-computer alerts allowed: the alerts that are raised. */
    private List<OfflineAlert> judgeAllowed(long upTo) {
        return judgeAllowed(upTo, upTo);
    }

    private List<OfflineAlert> judgeAllowed(long now, long upTo) {
        List<Outcome> out = new ArrayList<>();
        tracker.judge(upTo, out);
        tracker.releaseWithheld(now, upTo, out);
        return only(out, OfflineAlert.class);
    }

    @Test
    void aHeldComputerIsAlertedOnlyOnceItsAllowanceHasPassedWithTheDeadlineItReallyHad() {
        heardFrom(WEB, TWO_SECONDS, T0);
        judgeHeldBack(OFFLINE);
        judgeHeldBack(ALLOWED - 100);
        assertThat(tracker.withholding()).isTrue();

        assertThat(judgeAllowed(ALLOWED)).as("not at once when alerts are allowed again").isEmpty();
        assertThat(judgeAllowed(ALLOWED + ALLOWANCE - 1)).as("nor by its misses meanwhile").isEmpty();
        assertThat(judgeAllowed(ALLOWED + ALLOWANCE)).singleElement().satisfies(alert -> {
            assertThat(alert.computerID()).isEqualTo(WEB);
            assertThat(alert.lastHeartbeatAt()).isEqualTo(T0);
            assertThat(alert.deadline()).isEqualTo(OFFLINE);
            assertThat(alert.judgedAt()).isEqualTo(ALLOWED + ALLOWANCE);
        });
        assertThat(tracker.withholding()).isFalse();
        assertThat(judgeAllowed(ALLOWED + 60_000)).as("once").isEmpty();
    }

    @Test
    void aHeldComputerHeardFromDuringItsAllowanceGetsNoAlertAndItsNextSilenceIsItsOwn() {
        heardFrom(WEB, TWO_SECONDS, T0);
        judgeHeldBack(OFFLINE);
        assertThat(judgeAllowed(ALLOWED)).isEmpty();

        heardFrom(WEB, ALLOWED + ALLOWANCE - 1);

        assertThat(judgeAllowed(ALLOWED + ALLOWANCE)).isEmpty();
        assertThat(tracker.withholding()).isFalse();
        assertThat(judgeAllowed(ALLOWED + ALLOWANCE - 1 + 4_200)).as("silent again: alerted at its own deadline")
                .singleElement().satisfies(alert -> assertThat(alert.lastHeartbeatAt())
                        .isEqualTo(ALLOWED + ALLOWANCE - 1));
    }

    @Test
    void aHeartbeatReceivedAtTheEndOfTheAllowanceIsInTime() {
        heardFrom(WEB, TWO_SECONDS, T0);
        judgeHeldBack(OFFLINE);
        assertThat(judgeAllowed(ALLOWED)).isEmpty();

        heardFrom(WEB, ALLOWED + ALLOWANCE);

        assertThat(judgeAllowed(ALLOWED + ALLOWANCE)).isEmpty();
    }

    @Test
    void aHeldComputerHeardFromWhileTheOutageLastsGetsNoAlertForThatSilence() {
        heardFrom(WEB, TWO_SECONDS, T0);
        judgeHeldBack(OFFLINE);
        heardFrom(WEB, T0 + 10_000);
        judgeHeldBack(ALLOWED - 100);

        assertThat(judgeAllowed(ALLOWED)).isEmpty();
        assertThat(judgeAllowed(ALLOWED + ALLOWANCE)).as("silent again during the outage, held as a silence of its own")
                .singleElement().satisfies(alert -> {
                    assertThat(alert.lastHeartbeatAt()).isEqualTo(T0 + 10_000);
                    assertThat(alert.deadline()).isEqualTo(T0 + 10_000 + 4_200);
                });
    }

    @Test
    void eachHeldComputerGetsTheAllowanceOfItsOwnSettings() {
        heardFrom(WEB, TrackerFixture.settings(1, 2), T0);
        heardFrom(DB, TrackerFixture.settings(10, 0), T0);
        judgeHeldBack(T0 + 20_000);

        assertThat(judgeAllowed(ALLOWED)).isEmpty();
        assertThat(judgeAllowed(ALLOWED + 3_099)).isEmpty();
        assertThat(judgeAllowed(ALLOWED + 3_100)).as("1 s, N 2: 3·1 s + 0.1 s").singleElement()
                .satisfies(alert -> assertThat(alert.computerID()).isEqualTo(WEB));
        assertThat(judgeAllowed(ALLOWED + 10_999)).isEmpty();
        assertThat(judgeAllowed(ALLOWED + 11_000)).as("10 s, N 0: 10 s + 1 s").singleElement()
                .satisfies(alert -> {
                    assertThat(alert.computerID()).isEqualTo(DB);
                    assertThat(alert.deadline()).isEqualTo(T0 + 11_000);
                });
    }

    @Test
    void alertsHeldBackAgainDuringTheAllowanceStartItOver() {
        heardFrom(WEB, TWO_SECONDS, T0);
        judgeHeldBack(OFFLINE);
        assertThat(judgeAllowed(ALLOWED)).isEmpty();

        judgeHeldBack(ALLOWED + 4_000);
        judgeHeldBack(ALLOWED + 9_900);
        long again = ALLOWED + 10_000;

        assertThat(judgeAllowed(again)).isEmpty();
        assertThat(judgeAllowed(again + ALLOWANCE - 1)).isEmpty();
        assertThat(judgeAllowed(again + ALLOWANCE)).singleElement()
                .satisfies(alert -> assertThat(alert.deadline()).isEqualTo(OFFLINE));
    }

    @Test
    void theAllowanceCountsFromWhenAlertsWereAllowedAndEndsWhenEverythingBeforeItWasRead() {
        heardFrom(WEB, TWO_SECONDS, T0);
        judgeHeldBack(OFFLINE);

        assertThat(judgeAllowed(ALLOWED, ALLOWED - 500)).as("the partition read up to before that").isEmpty();
        assertThat(judgeAllowed(ALLOWED + 9_000, ALLOWED + ALLOWANCE - 1)).isEmpty();
        assertThat(judgeAllowed(ALLOWED + 9_000, ALLOWED + ALLOWANCE)).hasSize(1);
    }

    @Test
    void aLongerIntervalSetDuringTheAllowanceLengthensIt() {
        heardFrom(WEB, TWO_SECONDS, T0);
        judgeHeldBack(OFFLINE);
        assertThat(judgeAllowed(ALLOWED)).isEmpty();

        tracker.settings(WEB, TrackerFixture.settings(10, 1), ALLOWED + 1_000, new ArrayList<>());

        assertThat(judgeAllowed(ALLOWED + ALLOWANCE)).isEmpty();
        assertThat(judgeAllowed(ALLOWED + 20_999)).isEmpty();
        assertThat(judgeAllowed(ALLOWED + 21_000)).as("2·10 s + 1 s").hasSize(1);
    }

    @Test
    void alertsHeldBackWhileAnOutageWasOnlySuspectedAreRaisedAtOnceWhenNoneFollowed() {
        heardFrom(WEB, TWO_SECONDS, T0);
        judgeHeldBack(OFFLINE, false);
        judgeHeldBack(OFFLINE + 2_000, false);

        assertThat(judgeAllowed(OFFLINE + 3_000, OFFLINE + 2_800)).as("once everything before then has been read")
                .isEmpty();
        assertThat(judgeAllowed(OFFLINE + 3_100, OFFLINE + 3_000)).singleElement().satisfies(alert -> {
            assertThat(alert.deadline()).isEqualTo(OFFLINE);
            assertThat(alert.judgedAt()).isEqualTo(OFFLINE + 3_000);
        });
    }

    @Test
    void aSuspectedOutageThatIsConfirmedGivesTheAllowance() {
        heardFrom(WEB, TWO_SECONDS, T0);
        judgeHeldBack(OFFLINE, false);
        judgeHeldBack(OFFLINE + 1_000, true);
        judgeHeldBack(ALLOWED - 100, false);

        assertThat(judgeAllowed(ALLOWED)).isEmpty();
        assertThat(judgeAllowed(ALLOWED + ALLOWANCE)).hasSize(1);
    }

    @Test
    void aHeldComputerForgottenOrMadeUnlimitedGetsNoAlertAndHoldsNothingBack() {
        heardFrom(WEB, TWO_SECONDS, T0);
        heardFrom(DB, TWO_SECONDS, T0);
        judgeHeldBack(OFFLINE);

        tracker.registration(WEB, "web-01", false, true, T0 + 5_000, new ArrayList<>());
        tracker.settings(DB, TrackerFixture.settings(2, LivenessSettings.UNLIMITED), T0 + 5_000, new ArrayList<>());

        assertThat(judgeAllowed(ALLOWED)).isEmpty();
        assertThat(judgeAllowed(ALLOWED + 60_000)).isEmpty();
        assertThat(tracker.withholding()).isFalse();
    }
}
