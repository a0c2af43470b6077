package io.vigil.agent;

import io.vertx.core.Vertx;
import io.vigil.agent.testing.FakeManager;
import io.vigil.agent.testing.TestPki;
import io.vigil.agent.tls.KeyMaterial;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Many agents from one process on one shared Vert.x: each activates with its own certificate and beats. */
class FleetTest {

    @Test
    void aHundredAgentsShareOneVertxAndEachBeatsWithItsOwnCertificate() throws Exception {
        TestPki pki = TestPki.create("Fleet CA");
        Vertx vertx = Vertx.vertx();
        try (FakeManager manager = FakeManager.start(pki, pki.manager())) {
            KeyPair shared = KeyMaterial.newKeyPair();
            List<AgentSettings> settings = new ArrayList<>();
            for (int i = 1; i <= 100; i++) {
                settings.add(AgentSettings.builder(manager.uri(), FakeManager.TOKEN, pki.caSha256())
                        .hostName("load-" + i).listen(false).keyPairs(() -> shared).build());
            }
            Fleet fleet = new Fleet(vertx);

            fleet.start(settings, 1000, change -> { });

            await().atMost(Duration.ofSeconds(120)).until(() -> fleet.states().equals(Map.of(AgentState.ACTIVE, 100L))
                    && fleet.acceptedHeartbeats() >= 100);
            Set<Long> computers = fleet.agents().stream().map(ReferenceAgent::computerID).collect(Collectors.toSet());
            assertThat(computers).hasSize(100);
            assertThat(manager.heartbeats.stream().map(FakeManager.Received::computerID).collect(Collectors.toSet()))
                    .isEqualTo(computers);
            assertThat(manager.heartbeats.stream().map(FakeManager.Received::serial).distinct().count())
                    .isEqualTo(100);
            fleet.stop(Duration.ofSeconds(20));
            assertThat(fleet.states()).isEqualTo(Map.of(AgentState.STOPPED, 100L));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
