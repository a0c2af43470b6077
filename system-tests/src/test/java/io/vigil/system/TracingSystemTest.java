package io.vigil.system;

import io.vigil.agent.ReferenceAgent;
import io.vigil.events.Topics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace follows a reference agent's heartbeat through the platform, as the services export it over OTLP/HTTP
 * (the platform's {@link TraceReceiver}): the gateway's HTTP server span of {@code POST /agent/v1/heartbeat}, its
 * Kafka send ({@code vigil.heartbeats publish}, a child of the request), and agent-registry's and alert-service's
 * processing of that record ({@code vigil.heartbeats process}, each a child of the send, naming the computer).
 */
class TracingSystemTest {

    private static final String PUBLISH = Topics.HEARTBEATS + " publish";
    private static final String PROCESS = Topics.HEARTBEATS + " process";

    private final Platform platform = Platform.shared();
    private final Console console = new Console(platform);
    private ReferenceAgent agent;

    @AfterEach
    void stopAgent() throws Exception {
        if (agent != null) {
            agent.stop().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void oneTraceSpansAHeartbeatFromTheGatewayThroughKafkaToAgentRegistryAndAlertService() throws Exception {
        long policyID = console.createPolicy("tracing-" + System.nanoTime(), Map.of(
                "platformSettingHeartbeatInterval", "3 Seconds",
                "platformSettingAgentCommunicationsDirection", "Agent/Appliance Initiated"));
        agent = console.activateAgent(policyID, "tracing-01");
        String computerID = Long.toString(agent.computerID());
        await("a heartbeat accepted").atMost(Duration.ofSeconds(30)).until(() -> agent.acceptedHeartbeats() >= 1);

        HeartbeatTrace trace = await("one heartbeat's spans from the gateway, agent-registry and alert-service")
                .atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> HeartbeatTrace.find(platform.traces, computerID), Optional::isPresent).orElseThrow();

        assertThat(trace.send().service()).isEqualTo("heartbeat-gateway");
        assertThat(trace.send().kind()).isEqualTo("SPAN_KIND_PRODUCER");
        assertThat(trace.request().kind()).isEqualTo("SPAN_KIND_SERVER");
        assertThat(trace.request().attributes().get("http.route")).isEqualTo("/agent/v1/heartbeat");
        assertThat(trace.send().traceID()).isEqualTo(trace.request().traceID());
        for (ExportedSpan processing : List.of(trace.registry(), trace.alerts())) {
            assertThat(processing.kind()).isEqualTo("SPAN_KIND_CONSUMER");
            assertThat(processing.attributes()).containsEntry("vigil.computer.id", computerID);
            assertThat(processing.isChildOf(trace.send())).as(processing.service() + " continues the send").isTrue();
        }
    }

    /** The spans of one heartbeat's trace, each service's part of it. */
    private record HeartbeatTrace(ExportedSpan request, ExportedSpan send, ExportedSpan registry,
                                  ExportedSpan alerts) {

        /**
         * The first heartbeat of the computer whose trace is complete: agent-registry's processing of it, the send
         * that is its parent, alert-service's processing with the same parent, and the gateway's request above the
         * send.
         */
        static Optional<HeartbeatTrace> find(TraceReceiver receiver, String computerID) {
            for (ExportedSpan registry : receiver.spans(s -> s.service().equals("agent-registry")
                    && s.name().equals(PROCESS) && computerID.equals(s.attributes().get("vigil.computer.id")))) {
                Optional<ExportedSpan> send = only(receiver.spans(s -> s.service().equals("heartbeat-gateway")
                        && s.name().equals(PUBLISH) && registry.isChildOf(s)));
                Optional<ExportedSpan> alerts = send.flatMap(parent -> only(receiver.spans(s -> s.service()
                        .equals("alert-service") && s.name().equals(PROCESS) && s.isChildOf(parent))));
                Optional<ExportedSpan> request = send.flatMap(child -> serverSpanAbove(receiver, child));
                if (alerts.isPresent() && request.isPresent()) {
                    return Optional.of(new HeartbeatTrace(request.get(), send.get(), registry, alerts.get()));
                }
            }
            return Optional.empty();
        }

        /** The gateway's SERVER span that {@code span} descends from (through the gateway's own spans). */
        private static Optional<ExportedSpan> serverSpanAbove(TraceReceiver receiver, ExportedSpan span) {
            Optional<ExportedSpan> parent = only(receiver.spans(s -> s.service().equals("heartbeat-gateway")
                    && span.isChildOf(s)));
            return parent.flatMap(p -> p.kind().equals("SPAN_KIND_SERVER") ? parent : serverSpanAbove(receiver, p));
        }

        private static Optional<ExportedSpan> only(List<ExportedSpan> spans) {
            return spans.size() == 1 ? Optional.of(spans.getFirst()) : Optional.empty();
        }
    }
}
