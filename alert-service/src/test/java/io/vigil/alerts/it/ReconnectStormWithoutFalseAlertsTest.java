package io.vigil.alerts.it;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vigil.events.Topics;
import io.vigil.events.liveness.LivenessChanged;
import io.vigil.testkit.VigilTestResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.vigil.alerts.it.OfflineAlertFlowTest.alerts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A reconnect storm after a platform-side outage raises no false {@code agent-offline}, through Kafka: a fleet at a
 * 1-second interval (threshold 2) falls silent together, as behind a restarted gateway, and its alerts are held back
 * by the platform-outage; then it comes back ten computers a second over 12 s, as the gateway's handshake capacity
 * lets it. An outage cleared once half of the fleet is back would alert every computer still reconnecting at once;
 * it holds until the recovery has settled ({@code outage.settle}, 3 s in tests), and each held computer gets its own
 * allowance after that: none of the reconnecting computers is alerted, and each of the two that never come back gets
 * exactly one alert carrying the deadline at which it really went offline.
 */
@QuarkusTest
@TestProfile(OutageSwallowsNoComputerTest.SmallFleets.class)
@QuarkusTestResource(value = VigilTestResource.class, initArgs = @ResourceArg(name = "database", value = "alerts"))
class ReconnectStormWithoutFalseAlertsTest {

    /**
     * Larger than the silent computers earlier tests leave behind (an application restarted for this profile rebuilds
     * them from the log): the outage clears only once at most half of its peak is silent, and they count.
     */
    private static final int RECONNECTING = 120;
    private static final int BACK_PER_SECOND = 10;
    private static final int AWAY = 2;

    private static List<Long> outages(String query) {
        return alerts("alertType=platform-outage" + query).getList("alerts.ID", Long.class);
    }

    private final List<Long> fleetIds = new ArrayList<>();

    @AfterEach
    void forgetTheFleet() {
        OutageSwallowsNoComputerTest.SmallFleets.forget(fleetIds);
    }

    @Test
    void computersStillReconnectingWhenHalfOfTheFleetIsBackAreNeverAlerted() {
        for (int i = 0; i < RECONNECTING + AWAY; i++) {
            fleetIds.add(TestFleet.newComputerID());
        }
        List<Long> reconnecting = fleetIds.subList(0, RECONNECTING);
        List<Long> away = fleetIds.subList(RECONNECTING, fleetIds.size());
        try (TestFleet fleet = new TestFleet(); TopicWatcher liveness = new TopicWatcher(Topics.LIVENESS)) {
            fleetIds.forEach(id -> fleet.configure(id, 1, 2, null));
            fleet.heartbeats(fleetIds);
            Map<Long, Long> last = fleet.heartbeats(fleetIds);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(fleetIds).allSatisfy(id ->
                    assertThat(liveness.forKey(id)).as("computer %d offline, held back", id).anySatisfy(seen -> {
                        assertThat(seen.event().at("/data/offline").asBoolean()).isTrue();
                        assertThat(seen.event().at("/data/reason").asText())
                                .isEqualTo(LivenessChanged.PLATFORM_OUTAGE);
                    })));
            List<Long> holding = outages("&state=active");
            assertThat(holding).hasSize(1);

            for (int from = 0; from < RECONNECTING; from += BACK_PER_SECOND) {
                fleet.keepBeating(reconnecting.subList(from, from + BACK_PER_SECOND), from / BACK_PER_SECOND * 1_000L,
                        500);
            }

            await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(away).allSatisfy(id -> {
                var alert = alerts("alertType=agent-offline&computerID=" + id);
                assertThat(alert.getList("alerts")).hasSize(1);
                assertThat(alert.getLong("alerts[0].details.lastHeartbeatAt")).isEqualTo(last.get(id));
                assertThat(alert.getLong("alerts[0].details.deadline")).isEqualTo(last.get(id) + 3_100);
            }));
            assertThat(reconnecting).allSatisfy(id -> assertThat(alerts("alertType=agent-offline&computerID=" + id)
                    .getList("alerts")).as("computer %d came back during the storm", id).isEmpty());
            assertThat(outages("&state=cleared")).as("the outage that held the fleet back has cleared")
                    .containsAll(holding);
            assertThat(fleet.failures()).isZero();
        }
    }
}
