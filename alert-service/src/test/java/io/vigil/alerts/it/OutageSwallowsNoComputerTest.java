package io.vigil.alerts.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vigil.events.Topics;
import io.vigil.events.liveness.LivenessChanged;
import io.vigil.testkit.VigilTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.stream.LongStream;

import static io.vigil.alerts.it.OfflineAlertFlowTest.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A platform-outage never swallows an offline computer, through Kafka: 100 computers with threshold 0 fall silent
 * together; the outage is recognised before the fleet storms (under a quarter alerted on their own), the suppressed
 * computers are published offline with reason {@code platform-outage}; 85 come back, the outage clears once the
 * recovery has settled, and each of the 15 still silent gets exactly one {@code agent-offline} after its allowance,
 * carrying the time it really went offline.
 */
@QuarkusTest
@TestProfile(OutageSwallowsNoComputerTest.SmallFleets.class)
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class OutageSwallowsNoComputerTest {

    /**
     * platform-outage judged for fleets from 50 computers (the test profile's default keeps it off). The tests of this
     * profile deactivate their fleets afterwards: a fleet left silent would be a standing outage for the next.
     */
    public static class SmallFleets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.alerts.outage.min-computers", "50", "vigil.alerts.outage.share", "0.05");
        }

        /** Deactivates the computers, so that alert-service forgets them. */
        static void forget(List<Long> computers) {
            try (TestFleet fleet = new TestFleet()) {
                computers.forEach(fleet::deactivate);
            }
        }
    }

    private final List<Long> fleetIds = new ArrayList<>();

    @AfterEach
    void forgetTheFleet() {
        SmallFleets.forget(fleetIds);
    }

    private static List<Integer> outages(String state) {
        return alerts("state=" + state + "&alertType=platform-outage").getList("alerts.ID", Integer.class);
    }

    private static int offlineAlerts(long computer) {
        return alerts("alertType=agent-offline&computerID=" + computer).getList("alerts").size();
    }

    @Test
    void everyComputerStillSilentWhenTheOutageClearsGetsItsOwnAlert() {
        long base = TestFleet.newComputerID();
        for (int i = 0; i < 100; i++) {
            TestFleet.newComputerID();
        }
        fleetIds.addAll(LongStream.range(base, base + 100).boxed().toList());
        List<Long> back = fleetIds.subList(0, 85);
        List<Long> silent = fleetIds.subList(85, 100);
        try (TestFleet fleet = new TestFleet(); TopicWatcher liveness = new TopicWatcher(Topics.LIVENESS)) {
            fleetIds.forEach(id -> fleet.configure(id, 2, 0, null));
            Map<Long, Long> last = new HashMap<>();
            fleetIds.forEach(id -> fleet.heartbeat(id));
            fleetIds.forEach(id -> last.put(id, fleet.heartbeat(id)));

            await().atMost(Duration.ofSeconds(30)).until(() -> outages("active").size() == 1);
            List<Long> alertedEarly = new ArrayList<>(fleetIds.stream().filter(id -> offlineAlerts(id) > 0).toList());
            assertThat(alertedEarly).as("alerted before the outage was recognised").hasSizeLessThan(25);
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(silent).allSatisfy(id ->
                    assertThat(liveness.forKey(id)).anySatisfy(seen -> {
                        assertThat(seen.event().at("/data/offline").asBoolean()).isTrue();
                        assertThat(seen.event().at("/data/reason").asText())
                                .isEqualTo(LivenessChanged.PLATFORM_OUTAGE);
                    })));

            ScheduledFuture<?> beating = fleet.keepBeating(back, 500);
            await().atMost(Duration.ofSeconds(30)).until(() -> outages("active").isEmpty());
            await().atMost(Duration.ofSeconds(25)).untilAsserted(() -> assertThat(silent).allSatisfy(id -> {
                var alert = alerts("alertType=agent-offline&computerID=" + id);
                assertThat(alert.getList("alerts")).hasSize(1);
                assertThat(alert.getLong("alerts[0].details.lastHeartbeatAt")).isEqualTo(last.get(id));
                assertThat(alert.getLong("alerts[0].details.deadline")).isEqualTo(last.get(id) + 2_200);
            }));
            assertThat(back).allSatisfy(id -> assertThat(alerts("state=active&alertType=agent-offline&computerID="
                    + id).getList("alerts")).isEmpty());
            // which outage held this silence back is not the point: a restarted application judges earlier tests'
            // silences at once, and the outage they raise may still be active when this silence begins and take it
            // in; whichever it was, it has cleared
            assertThat(outages("active")).isEmpty();
            beating.cancel(false);
            assertThat(fleet.failures()).isZero();
        }
    }
}
