package io.vigil.system;

import io.vigil.agent.ReferenceAgent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The platform's own trouble is not the agents' trouble: alert-service is stopped for several heartbeat intervals
 * while the agent keeps beating through the gateway; when it comes back and reads what it missed, no offline alert
 * appears. Then the agent really falls silent, and the alert does come.
 */
class AlertsNeverLieSystemTest {

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);

    @Test
    void aStoppedAlertServiceDoesNotTurnIntoOfflineAlerts() throws Exception {
        long policyID = console.createPolicy("never-lie-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", "2 Seconds",
                "platformSettingHeartbeatMissedAlertThreshold", "1",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        ReferenceAgent agent = console.activateAgent(policyID, "never-lie-01");
        try {
            long id = agent.computerID();
            await().atMost(Duration.ofSeconds(30)).until(() -> agent.acceptedHeartbeats() >= 2);

            ServiceProcess alerts = platform.service("alert-service");
            alerts.stop();
            long beatsBefore = agent.acceptedHeartbeats();
            // several intervals (2 s each, deadline after 4.2 s of silence) pass while alert-service is down
            await("the agent keeps beating while alert-service is down").atMost(Duration.ofSeconds(60))
                    .until(() -> agent.acceptedHeartbeats() >= beatsBefore + 5);
            alerts.start().awaitReady();

            await("no offline alert once alert-service has caught up").during(Duration.ofSeconds(10))
                    .atMost(Duration.ofSeconds(30)).until(() -> console.offlineAlerts(id).isEmpty());

            agent.pauseHeartbeats();
            await("a real silence is still alerted").atMost(Duration.ofSeconds(60))
                    .until(() -> console.offlineAlerts(id).size() == 1);
        } finally {
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }
}
