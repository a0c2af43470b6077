package io.vigil.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vigil.events.config.ConfigFingerprint;
import io.vigil.gateway.support.GatewayTestResources;
import io.vigil.gateway.support.RegistryStub;
import io.vigil.gateway.support.TestAgent;
import io.vigil.testkit.Infrastructure;
import io.vigil.testkit.KafkaBroker;
import io.vigil.testkit.VigilTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kafka down: a heartbeat carrying agent events gets 503 + Retry-After within 10 s in total. Its own profile gives a
 * fresh gateway whose producer has never sent an agent event, so the agent-event topic has no metadata when the broker
 * stops (a send then blocks for {@code max.block.ms}: once per event, before, when they were sent one after another).
 */
@QuarkusTest
@TestProfile(HeartbeatOutageTest.Profile.class)
@QuarkusTestResource(VigilTestResource.class)
@QuarkusTestResource(RegistryStub.class)
class HeartbeatOutageTest {

    private static final String DEFAULT_FP = ConfigFingerprint.PREFIX + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX;

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("vigil.gateway.publish.retry-after-seconds", "7");
        }
    }

    @Test
    void kafkaDownGivesAHeartbeatWithAgentEvents503WithRetryAfterWithin10Seconds() {
        Outage outage = Outage.of(Infrastructure.shared());
        assumeTrue(outage != null, "needs a broker this JVM started");
        TestAgent agent = new TestAgent(GatewayTestResources.agentPort());
        // the machine may be busy: the first TLS connection to a fresh gateway can time out
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> {
            agent.activate("good-outage-01", "outage-01");
            return true;
        });
        assertThat(agent.post("/agent/v1/heartbeat", TestAgent.heartbeat(DEFAULT_FP)).statusCode()).isEqualTo(200);
        StringJoiner events = new StringJoiner(",", ",\"events\":[", "]}");
        for (int i = 0; i < 8; i++) {
            events.add("{\"eventID\":" + (7 + i) + ",\"time\":\"2026-11-25T09:59:0" + i + "Z\"}");
        }
        String withEvents = TestAgent.heartbeat(DEFAULT_FP).replaceFirst("}$", events.toString());
        outage.begin();
        try {
            long start = System.nanoTime();
            HttpResponse<String> response = agent.post("/agent/v1/heartbeat", withEvents);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("Kafka stopped: heartbeat with 8 agent events answered %d after %d ms%n",
                    response.statusCode(), elapsedMs);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("7");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(elapsedMs).isLessThan(10_000);
        } finally {
            outage.end();
        }
        await().atMost(Duration.ofSeconds(90)).until(() ->
                agent.post("/agent/v1/heartbeat", withEvents).statusCode() == 200);
    }

    /**
     * Stops the test broker. After a profile switch the test kit's handle on the broker it started lives in another
     * class loader ({@code broker()} is null here): then the broker process this JVM started is suspended (SIGSTOP)
     * and resumed (SIGCONT), which is a broker that answers nothing, as a dead one.
     */
    private record Outage(KafkaBroker broker, ProcessHandle process) {

        static Outage of(Infrastructure infrastructure) {
            if (infrastructure.broker() != null) {
                return new Outage(infrastructure.broker(), null);
            }
            return ProcessHandle.current().descendants()
                    .filter(Outage::isKafkaBroker)
                    .findFirst().map(p -> new Outage(null, p)).orElse(null);
        }

        /** Whether a process runs the broker's main class (read from /proc: its class path is too long for Info). */
        private static boolean isKafkaBroker(ProcessHandle process) {
            try {
                String commandLine = new String(Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()),
                        "cmdline")), StandardCharsets.UTF_8);
                return commandLine.contains("\0kafka.Kafka\0");
            } catch (IOException e) {
                return false;
            }
        }

        void begin() {
            if (broker != null) {
                broker.close();
            } else {
                signal("-STOP");
            }
        }

        void end() {
            if (broker != null) {
                broker.start();
            } else {
                signal("-CONT");
            }
        }

        private void signal(String signal) {
            try {
                Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
                assertThat(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill " + signal).isTrue();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
