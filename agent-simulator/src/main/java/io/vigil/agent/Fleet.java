package io.vigil.agent;

import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Many agents on one shared {@link Vertx}: started at a bounded rate, stopped together, counted together. */
public final class Fleet {

    private final Vertx vertx;
    private final List<ReferenceAgent> agents = new ArrayList<>();
    private final RoundTrips roundTrips = new RoundTrips();

    public Fleet(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Creates and starts the agents, at most {@code perSecond} activations begun per second. */
    public void start(List<AgentSettings> settings, double perSecond, Consumer<StateChange> log)
            throws InterruptedException {
        long gapNanos = (long) (1_000_000_000L / perSecond);
        long next = System.nanoTime();
        for (AgentSettings s : settings) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += gapNanos;
            ReferenceAgent agent = new ReferenceAgent(vertx, s);
            agent.onStateChange(log);
            agent.recordRoundTripsIn(roundTrips);
            synchronized (agents) {
                agents.add(agent);
            }
            agent.start();
        }
    }

    public List<ReferenceAgent> agents() {
        synchronized (agents) {
            return List.copyOf(agents);
        }
    }

    /** The round trips of every agent's answered heartbeats. */
    public RoundTrips roundTrips() {
        return roundTrips;
    }

    /** Heartbeats accepted by the manager, over all agents. */
    public long acceptedHeartbeats() {
        return agents().stream().mapToLong(a -> a.acceptedHeartbeats() + a.answeredHeartbeatRequests()).sum();
    }

    /** How many agents are in each state. */
    public Map<AgentState, Long> states() {
        Map<AgentState, Long> states = new TreeMap<>();
        agents().forEach(a -> states.merge(a.state(), 1L, Long::sum));
        return states;
    }

    /** Stops every agent, waiting at most {@code patience}. */
    public void stop(Duration patience) {
        CompletableFuture<?>[] stops = agents().stream().map(a -> a.stop().toCompletableFuture())
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(stops).get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            System.err.println("not every agent stopped in time: " + e);
        }
    }
}
