package io.vigil.gateway.guard;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.support.RawConnection;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.TestAgent;
import io.vigil.testkit.VigilTestResource;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import static io.vigil.gateway.guard.SlowRequestsProfile.BODY_SECONDS;
import static io.vigil.gateway.guard.SlowRequestsProfile.HEAD_SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Slowloris over real TLS: a request head or body that keeps trickling in (so the idle timeout never fires) is cut
 * at its deadline ({@code request-head-timeout} from the head's first byte, {@code request-timeout} from the end of
 * the head), on every path; a kept-alive agent that waits between its requests longer than either is not.
 */
@QuarkusTest
@TestProfile(SlowRequestsProfile.class)
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class SlowRequestsTest {

    private static final Logger LOG = Logger.getLogger(SlowRequestsTest.class);
    private static final String DEFAULT_FP = ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX;
    private static final Duration GAP = Duration.ofMillis(100);
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void aRequestHeadSentOneByteAtATimeIsCutAtTheHeadDeadline() throws Exception {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        try (Trickle slow = new Trickle(agent.sslContext(), GatewayTestResources.agentPort())) {
            Optional<Trickle.Cut> cut = slow.trickle("POST /agent/v1/activation HTTP/1.1\r\nHost: localhost\r\n"
                    + "X-Padding-" + "a".repeat(4000), GAP, LIMIT);
            assertThat(cut).as("a head trickling in for %s s was never cut", LIMIT.toSeconds()).isPresent();
            LOG.infof("a head trickled byte by byte was cut after %d ms and %d bytes (deadline %d s)",
                    cut.get().after().toMillis(), cut.get().bytesWritten(), HEAD_SECONDS);
            assertThat(cut.get().after()).isGreaterThanOrEqualTo(Duration.ofSeconds(HEAD_SECONDS))
                    .isLessThan(Duration.ofSeconds(HEAD_SECONDS + 8));
            assertThat(cut.get().bytesWritten()).as("bytes kept coming until the cut").isGreaterThan(10);
        }
    }

    @Test
    void aSecondRequestHeadOnAKeptAliveConnectionHasItsOwnDeadline() throws Exception {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        agent.activate("good-slow-02", "slow-02");
        try (Trickle slow = new Trickle(agent.sslContext(), GatewayTestResources.agentPort())) {
            slow.send(post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)));
            Optional<Trickle.Cut> cut = slow.trickle("GET /agent/v1/configuration HTTP/1.1\r\nX-Slow-"
                    + "b".repeat(4000), GAP, LIMIT);
            assertThat(cut).isPresent();
            assertThat(cut.get().after()).isLessThan(Duration.ofSeconds(HEAD_SECONDS + 8));
        }
    }

    @Test
    void aBodySentOneByteAtATimeIsCutAtTheBodyDeadlineOnEveryPath() throws Exception {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        agent.activate("good-slow-03", "slow-03");
        for (String path : new String[] {"/agent/v1/heartbeat", "/no/such/path"}) {
            try (Trickle slow = new Trickle(agent.sslContext(), GatewayTestResources.agentPort())) {
                slow.send("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 100000\r\n\r\n");
                Optional<Trickle.Cut> cut = slow.trickle(" ", GAP, LIMIT);
                assertThat(cut).as("a body to %s trickling in for %s s was never cut", path, LIMIT.toSeconds())
                        .isPresent();
                LOG.infof("a body to %s trickled byte by byte was cut after %d ms and %d bytes (deadline %d s)", path,
                        cut.get().after().toMillis(), cut.get().bytesWritten(), BODY_SECONDS);
                assertThat(cut.get().after()).as(path).isLessThan(Duration.ofSeconds(BODY_SECONDS + 8));
                assertThat(cut.get().bytesWritten()).isGreaterThan(10);
            }
        }
    }

    @Test
    void aKeptAliveAgentMayWaitBetweenRequestsLongerThanTheDeadlines() throws Exception {
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        agent.activate("good-slow-04", "slow-04");
        byte[] heartbeat = TestAgent.heartbeat(DEFAULT_FP).getBytes(StandardCharsets.UTF_8);
        try (RawConnection connection = new RawConnection(agent.sslContext(), GatewayTestResources.agentPort())) {
            connection.send("/agent/v1/heartbeat", heartbeat);
            assertThat(connection.read().status()).isEqualTo(200);
            Duration quiet = Duration.ofSeconds(Math.max(HEAD_SECONDS, BODY_SECONDS) + 2);
            await().pollDelay(quiet).atMost(quiet.plusSeconds(5)).until(() -> true);
            connection.send("/agent/v1/heartbeat", heartbeat);
            assertThat(connection.read().status()).isEqualTo(200);
        }
    }

    private static String post(String path, String body) {
        return "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }
}
