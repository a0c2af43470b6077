package io.vigil.gateway.contact;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.vigil.console.ProblemException;
import io.vigil.events.EventJson;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.gateway.AgentBodies;
import io.vigil.gateway.guard.EventCap;
import io.vigil.gateway.heartbeat.Connection;
import io.vigil.gateway.heartbeat.Heartbeat;
import io.vigil.gateway.heartbeat.HeartbeatAnswer;
import io.vigil.gateway.heartbeat.HeartbeatService;
import io.vigil.gateway.heartbeat.HeartbeatValidator;
import io.vigil.gateway.operations.Operation;
import io.vigil.gateway.operations.PendingOperations;
import io.vigil.gateway.state.ComputerDirectory;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One poll or one push (docs/agent-protocol.md, "The agent's own port"). A poll's answer is validated like a heartbeat
 * (the same log-entry cap, and a body no larger than a pushed heartbeat's: {@link AgentClient}) and recorded as one
 * with {@code viaPoll=true}; the configuration it should be running, if it differs, is queued as a
 * push. A push's outcome for a Manager Initiated computer is reported with its next polled heartbeat (as the
 * operation result a heartbeat would carry), so a failed configuration shows on the computer and is not pushed again
 * until it changes. Failed calls are published as {@code ContactFailed}.
 */
public final class AgentCalls {

    public static final String HEARTBEAT_REQUEST_PATH = "/agent/v1/heartbeat-request";
    public static final String CONFIGURATION_PATH = "/agent/v1/configuration";
    private static final Logger LOG = Logger.getLogger(AgentCalls.class);
    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.UTF_8);

    private final AgentClient client;
    private final long timeoutMillis;
    private final int maxEvents;
    private final ComputerDirectory directory;
    private final HeartbeatService heartbeats;
    private final ContactCoordinator coordinator;
    private final Consumer<PushRequest> pushes;
    private final ContactFailures failures;
    private final MeterRegistry metrics;
    private final Map<Long, Heartbeat.Result> pushResults = new ConcurrentHashMap<>();

    public AgentCalls(AgentClient client, long timeoutMillis, int maxEvents, ComputerDirectory directory,
                      HeartbeatService heartbeats, ContactCoordinator coordinator, Consumer<PushRequest> pushes,
                      ContactFailures failures, MeterRegistry metrics) {
        this.client = client;
        this.timeoutMillis = timeoutMillis;
        this.maxEvents = maxEvents;
        this.directory = directory;
        this.heartbeats = heartbeats;
        this.coordinator = coordinator;
        this.pushes = pushes;
        this.failures = failures;
        this.metrics = metrics;
    }

    /** Queues pushes; when the queue is full a change waits for the fallback. */
    public static Consumer<PushRequest> enqueuer(PushQueue<PushRequest> queue, MeterRegistry metrics) {
        return push -> {
            if (!queue.offer(push.computerID(), push)) {
                metrics.counter("vigil.gateway.agents.pushes", "outcome", "dropped").increment();
                LOG.warnf("push queue full: computer %d gets its configuration through the fallback",
                        push.computerID());
            }
        };
    }

    public void poll(long computerID) {
        Optional<ContactCoordinator.Owned> owned = coordinator.owned(computerID);
        Optional<AgentClient.Target> target = target(computerID);
        if (owned.isEmpty() || !ContactPlan.polled(owned.get().direction()) || target.isEmpty()) {
            return;
        }
        long timeout = PollSchedule.callTimeoutMillis(owned.get().configuration().heartbeatIntervalSeconds() * 1000,
                timeoutMillis);
        AgentClient.Answer answer;
        Heartbeat heartbeat;
        try {
            answer = client.post(target.get(), HEARTBEAT_REQUEST_PATH, EMPTY_OBJECT, timeout);
            if (answer.response().status() != 200) {
                throw new ContactException(FailureReason.ERROR, "the agent answered " + answer.response().status());
            }
            heartbeat = HeartbeatValidator.validate(AgentBodies.parse(answer.response().body()));
            EventCap.check(heartbeat, maxEvents);
        } catch (ContactException e) {
            failures.failed(computerID, ContactFailures.HEARTBEAT_REQUEST, e);
            return;
        } catch (ProblemException e) {
            failures.failed(computerID, ContactFailures.HEARTBEAT_REQUEST, FailureReason.ERROR,
                    "invalid heartbeat: " + e.problem().detail());
            return;
        }
        Connection connection = new Connection(target.get().address(), answer.tlsProtocol(), answer.tlsCipherSuite(),
                true);
        HeartbeatAnswer recorded;
        try { // a poll runs on a virtual thread of its own: it may wait for the acknowledgement
            recorded = heartbeats.record(computerID, withPushResult(computerID, heartbeat), connection, null, null)
                    .join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof HeartbeatService.Unavailable unavailable) {
                LOG.warnf("polled heartbeat of computer %d not recorded: %s", computerID,
                        unavailable.problem().detail());
                return;
            }
            throw e;
        }
        metrics.counter("vigil.gateway.agents.polls").increment();
        recorded.operations().stream().filter(op -> Operation.UPDATE_CONFIGURATION.equals(op.type()))
                .forEach(op -> pushes.accept(new PushRequest(computerID, op.configFingerprint(), op.configuration())));
    }

    public void push(PushRequest push) {
        long computerID = push.computerID();
        Optional<ContactCoordinator.Owned> owned = coordinator.owned(computerID);
        Optional<AgentClient.Target> target = target(computerID);
        if (owned.isEmpty() || target.isEmpty()) {
            return; // no longer ours, or nowhere to call
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("configFingerprint", push.configFingerprint());
        body.put("configuration", push.configuration());
        try {
            AgentClient.Answer answer = client.post(target.get(), CONFIGURATION_PATH, EventJson.toBytes(body),
                    timeoutMillis);
            if (answer.response().status() != 200) {
                throw new ContactException(FailureReason.ERROR, "the agent answered " + answer.response().status());
            }
            JsonNode result = AgentBodies.parse(answer.response().body());
            boolean applied = "applied".equals(result.path("status").asText());
            String reason = applied ? null : result.path("reason").asText("the agent did not apply it");
            metrics.counter("vigil.gateway.agents.pushes", "outcome", applied ? "applied" : "failed").increment();
            LOG.infof("computer %d: configuration %s pushed, %s", computerID, push.configFingerprint(),
                    applied ? "applied" : "failed: " + reason);
            if (ContactPlan.polled(owned.get().direction())) {
                pushResults.put(computerID, new Heartbeat.Result(
                        PendingOperations.updateId(push.configFingerprint()), applied ? "applied" : "failed", reason));
            }
        } catch (ContactException e) {
            metrics.counter("vigil.gateway.agents.pushes", "outcome", "unreachable").increment();
            failures.failed(computerID, ContactFailures.CONFIGURATION, e);
        } catch (ProblemException e) {
            metrics.counter("vigil.gateway.agents.pushes", "outcome", "unreachable").increment();
            failures.failed(computerID, ContactFailures.CONFIGURATION, FailureReason.ERROR,
                    "invalid answer: " + e.problem().detail());
        }
    }

    private Heartbeat withPushResult(long computerID, Heartbeat heartbeat) {
        Heartbeat.Result result = pushResults.remove(computerID);
        if (result == null) {
            return heartbeat;
        }
        List<Heartbeat.Result> results = new ArrayList<>(heartbeat.operationResults());
        results.add(result);
        return new Heartbeat(heartbeat.agentVersion(), heartbeat.agentTime(), heartbeat.uptimeMillis(),
                heartbeat.driverStatus(), heartbeat.configFingerprint(), heartbeat.counters(), heartbeat.events(),
                results, heartbeat.listeningPort());
    }

    private Optional<AgentClient.Target> target(long computerID) {
        Optional<ComputerRegistration> registration = directory.registration(computerID);
        if (registration.isEmpty() || registration.get().deactivated() || registration.get().agentAddress() == null
                || registration.get().listeningPort() <= 0) {
            LOG.debugf("computer %d: no address to call", computerID);
            return Optional.empty();
        }
        return Optional.of(new AgentClient.Target(computerID, registration.get().agentAddress(),
                registration.get().listeningPort()));
    }
}
