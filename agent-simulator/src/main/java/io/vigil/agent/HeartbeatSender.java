package io.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.config.RunningConfiguration;
import io.vigil.agent.net.Answer;
import io.vigil.agent.operations.OperationHandler;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Sends the agent's heartbeats at the interval the manager says (not under Manager Initiated), performs the
 * operations of an answer and sends the confirming heartbeat at once over the same connection. Runs on the agent's
 * context only.
 */
final class HeartbeatSender {

    /** Confirming heartbeats in a row before the agent waits for its interval again (guards against a loop). */
    static final int MAX_FOLLOW_UPS = 3;

    private final ReferenceAgent agent;
    private final OperationHandler operations;
    private final Backoff backoff;
    private int failures;
    private final java.util.ArrayDeque<CompletableFuture<Integer>> deferred = new java.util.ArrayDeque<>();
    private long timer = -1;
    private boolean inFlight;
    private boolean performing;
    private long lastSentNanos = System.nanoTime();
    private volatile long longestTimerLatenessNanos;
    private final HeartbeatHistory history = new HeartbeatHistory();
    private volatile long intervalSeconds = RunningConfiguration.defaults().configuration().heartbeatIntervalSeconds();

    HeartbeatSender(ReferenceAgent agent) {
        this.agent = agent;
        this.operations = new OperationHandler(new AgentOperations(agent));
        this.backoff = new Backoff(agent.settings().retryDelay(), agent.settings().retryDelay());
    }

    long intervalSeconds() {
        return intervalSeconds;
    }

    void interval(long seconds) {
        if (seconds >= 1 && seconds <= RunningConfiguration.MAX_SECONDS) {
            intervalSeconds = seconds;
        }
    }

    /** A heartbeat at once, if the agent sends heartbeats under its configuration. */
    void beatSoon() {
        if (agent.configurations().running().sendsHeartbeats()) {
            schedule(0);
        }
    }

    void cancel() {
        if (timer >= 0) {
            agent.vertx().cancelTimer(timer);
            timer = -1;
        }
    }

    /** A new configuration: its interval applies, and heartbeats start or stop with its direction. */
    void configurationChanged(RunningConfiguration previous, RunningConfiguration next) {
        interval(next.configuration().heartbeatIntervalSeconds());
        if (!agent.isActive() || inFlight || performing) {
            return;
        }
        if (!next.sendsHeartbeats()) {
            cancel();
        } else if (!previous.sendsHeartbeats()) {
            schedule(0);
        } else {
            scheduleRegular();
        }
    }

    /**
     * Sends one heartbeat.
     *
     * @param followUp how many confirming heartbeats in a row this one is
     * @param forced   send even under Manager Initiated
     * @param done     completed with the HTTP status, or null
     */
    void beat(int followUp, boolean forced, CompletableFuture<Integer> done) {
        boolean wanted = forced || followUp > 0 || agent.configurations().running().sendsHeartbeats();
        if ((inFlight || performing) && (forced || followUp > 0) && agent.isActive()) {
            deferred.add(done != null ? done : new CompletableFuture<>());
            return;
        }
        if (!agent.isActive() || !wanted || inFlight || performing) {
            if (done != null) {
                done.completeExceptionally(new IllegalStateException(inFlight ? "a heartbeat is in flight"
                        : "the agent is " + agent.state() + " and sends no heartbeat now"));
            }
            return;
        }
        cancel();
        inFlight = true;
        lastSentNanos = System.nanoTime();
        long number = history.sending(System.currentTimeMillis());
        Outgoing out = Outgoing.build(agent);
        agent.client().post(ReferenceAgent.HEARTBEAT_PATH, out.json()).onComplete(ar -> {
            inFlight = false;
            history.ended(number, ar.succeeded() ? ar.result().status() : 0, System.nanoTime() - lastSentNanos);
            if (ar.failed()) {
                out.rejected(agent);
                agent.problem("heartbeat failed: " + ar.cause().getMessage());
                if (done != null) {
                    done.completeExceptionally(ar.cause());
                }
                scheduleRetry(agent.settings().retryDelay().toMillis());
                return;
            }
            agent.answeredAfter(System.nanoTime() - lastSentNanos);
            failures = ar.result().status() == 503 ? failures + 1 : 0;
            if (done != null) {
                done.complete(ar.result().status());
            }
            answered(out, ar.result(), followUp);
        });
    }

    private void answered(Outgoing out, Answer answer, int followUp) {
        agent.status().answer(answer);
        switch (answer.status()) {
            case 200 -> accepted(out, answer.json(), followUp);
            case 403 -> {
                out.rejected(agent);
                cancel();
                agent.setState(AgentState.REVOKED, "certificate refused: " + answer.problem());
                agent.port().reconcile();
                while (sendDeferred()) {
                    // each completes at once: a revoked agent sends nothing
                }
            }
            case 503 -> {
                out.rejected(agent);
                agent.problem("manager cannot record heartbeats: " + answer.problem());
                // honours Retry-After (at least that long, spread over half as long again), even beyond the interval
                if (agent.isActive() && !sendDeferred()) {
                    schedule(backoff.delayMillis(failures, answer.retryAfter()));
                }
            }
            default -> {
                out.rejected(agent);
                agent.problem("heartbeat refused: " + answer.problem());
                scheduleRegular();
            }
        }
    }

    private void accepted(Outgoing out, JsonNode response, int followUp) {
        out.accepted(agent, response);
        interval(response.path("heartbeatIntervalSeconds").asLong(intervalSeconds));
        JsonNode pending = response.get("operations");
        if (pending == null || !pending.isArray() || pending.isEmpty()) {
            scheduleRegular();
            return;
        }
        performing = true;
        operations.perform(pending).whenComplete((results, e) -> agent.onContext(() -> {
            performing = false;
            if (results != null && !results.isEmpty()) {
                agent.status().addPending(results);
                if (followUp < MAX_FOLLOW_UPS) {
                    beat(followUp + 1, false, null);
                    return;
                }
            }
            scheduleRegular();
        }));
    }

    /** A heartbeat asked for while another was under way goes once that one (and its operations) is done. */
    private boolean sendDeferred() {
        CompletableFuture<Integer> next = deferred.poll();
        if (next == null) {
            return false;
        }
        beat(0, true, next);
        return true;
    }

    private void scheduleRegular() {
        if (sendDeferred()) {
            return;
        }
        if (!agent.isActive() || !agent.configurations().running().sendsHeartbeats()) {
            cancel();
            return;
        }
        long elapsed = (System.nanoTime() - lastSentNanos) / 1_000_000;
        schedule(intervalSeconds * 1000 - elapsed);
    }

    private void scheduleRetry(long delayMillis) {
        if (agent.isActive() && !sendDeferred()) {
            schedule(Backoff.spread(Math.min(delayMillis, intervalSeconds * 1000)));
        }
    }

    private void schedule(long delayMillis) {
        cancel();
        long delay = Math.max(1, delayMillis);
        long dueNanos = System.nanoTime() + delay * 1_000_000;
        timer = agent.vertx().setTimer(delay, id -> {
            timer = -1;
            longestTimerLatenessNanos = Math.max(longestTimerLatenessNanos, System.nanoTime() - dueNanos);
            beat(0, false, null);
        });
    }

    /**
     * How much later than due the heartbeat timer fired at worst since the last reset: the agent's own lateness (a
     * starved event loop or machine), apart from any wait for the manager.
     */
    long longestTimerLatenessNanos() {
        return longestTimerLatenessNanos;
    }

    List<SentHeartbeat> recent() {
        return history.recent();
    }

    void resetTimerLateness() {
        longestTimerLatenessNanos = 0;
    }
}
