package io.vigil.gateway.heartbeat;

import io.vertx.core.http.HttpServerRequest;
import io.vigil.console.Problems;
import io.vigil.console.requests.RequestID;
import io.vigil.gateway.AgentBodies;
import io.vigil.gateway.guard.EventCap;
import io.vigil.gateway.guard.GuardConfig;
import io.vigil.gateway.state.ComputerDirectory;
import io.vigil.kafka.tracing.RecordTracing;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.MDC;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /agent/v1/heartbeat}: client certificate required; 200 only once Kafka acknowledged. Non-blocking: the
 * body is read in full on the event loop, the certificate (its identity cached per TLS session) and body are checked
 * there, the Kafka sends start on a virtual thread, and the answer is composed from Kafka's acknowledgement (no
 * thread waits for it, no worker thread is held, and no blocking stream reads the body).
 */
@Path("/agent/v1/heartbeat")
public class HeartbeatResource {

    private final HeartbeatService service;
    private final ComputerDirectory directory;
    private final int maxEvents;

    public HeartbeatResource(HeartbeatService service, ComputerDirectory directory, GuardConfig guard) {
        this.service = service;
        this.directory = directory;
        this.maxEvents = guard.maxEvents();
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> heartbeat(byte[] body, @Context HttpServerRequest request) {
        AgentIdentity agent = AgentIdentity.of(request, directory);
        Heartbeat heartbeat = HeartbeatValidator.validate(AgentBodies.parse(body));
        EventCap.check(heartbeat, maxEvents);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        // the sends run on a virtual thread: a Kafka send blocks while the producer lacks a topic's metadata or buffer
        // space, which must never hold the event loop; nothing waits for the acknowledgement, the answer is composed
        // from it. The request's trace goes on there (its Kafka records carry it); its logs name the computer and the
        // request (the log context of the event loop's request does not reach another thread by itself)
        io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
        String requestID = RequestID.current();
        Thread.ofVirtual().name("heartbeat-" + agent.computerID()).start(trace.wrap(() -> {
            MDC.put(RecordTracing.COMPUTER_ID, Long.toString(agent.computerID()));
            if (requestID != null) {
                MDC.put(RequestID.MDC_KEY, requestID);
            }
            try {
                service.record(agent.computerID(), heartbeat, agent.connection(), agent.serialHex(),
                        agent.notAfter()).whenComplete((recorded, failure) -> answer(answer, recorded, failure));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            } finally {
                MDC.remove(RecordTracing.COMPUTER_ID);
                MDC.remove(RequestID.MDC_KEY);
            }
        }));
        return answer;
    }

    private static void answer(CompletableFuture<Response> answer, HeartbeatAnswer recorded, Throwable failure) {
        Throwable cause = failure == null ? null : BoundedPublication.cause(failure);
        if (cause == null) {
            answer.complete(Response.ok(recorded).build());
        } else if (cause instanceof HeartbeatService.Unavailable unavailable) {
            answer.complete(Response.fromResponse(Problems.response(unavailable.problem()))
                    .header("Retry-After", unavailable.retryAfterSeconds()).build());
        } else {
            answer.completeExceptionally(cause);
        }
    }
}
