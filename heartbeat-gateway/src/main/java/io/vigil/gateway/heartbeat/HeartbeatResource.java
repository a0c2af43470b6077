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
 * body is read in full on the event loop, the certificate and body are checked there, and only the wait for Kafka's
 * acknowledgement runs on a virtual thread (no worker thread is held, and no blocking stream reads the body).
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
        // the request's trace goes on in the virtual thread (its Kafka records carry it); its logs name the computer
        // and the request (the log context of the event loop's request does not reach another thread by itself)
        io.opentelemetry.context.Context trace = io.opentelemetry.context.Context.current();
        String requestID = RequestID.current();
        Thread.ofVirtual().name("heartbeat-" + agent.computerID()).start(trace.wrap(() -> {
            MDC.put(RecordTracing.COMPUTER_ID, Long.toString(agent.computerID()));
            if (requestID != null) {
                MDC.put(RequestID.MDC_KEY, requestID);
            }
            try {
                answer.complete(Response.ok(service.record(agent.computerID(), heartbeat, agent.connection(),
                        agent.serialHex(), agent.certificate().getNotAfter().toInstant())).build());
            } catch (HeartbeatService.Unavailable e) {
                answer.complete(Response.fromResponse(Problems.response(e.problem()))
                        .header("Retry-After", e.retryAfterSeconds()).build());
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            } finally {
                MDC.remove(RecordTracing.COMPUTER_ID);
                MDC.remove(RequestID.MDC_KEY);
            }
        }));
        return answer;
    }
}
