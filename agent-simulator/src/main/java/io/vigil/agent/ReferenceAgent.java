package io.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vigil.agent.clock.AgentClock;
import io.vigil.agent.clock.ClockChange;
import io.vigil.agent.clock.ClockEvents;
import io.vigil.agent.config.RunningConfiguration;
import io.vigil.agent.heartbeat.AgentLogEvent;
import io.vigil.agent.heartbeat.EventLog;
import io.vigil.agent.net.ManagerClient;
import io.vigil.agent.operations.OperationResult;
import io.vigil.agent.sources.NeighbourTable;
import io.vigil.agent.tls.AgentKeyManager;
import io.vigil.agent.tls.ManagerTrust;
import io.vigil.agent.tls.TlsProfile;
import io.vigil.events.config.AgentConfiguration;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The reference agent of docs/agent-protocol.md, usable as a library: {@link #start()} activates it (own RSA key and
 * CSR, the manager CA pinned) and runs it (heartbeats at the manager's interval, its TLS listening port, operations),
 * {@link #stop()} ends it. Its state is observable for tests. Many agents can share one {@link Vertx}: each runs on
 * one event-loop context, so thousands of them need only a few threads.
 */
public final class ReferenceAgent {

    public static final String ACTIVATION_PATH = "/agent/v1/activation";
    public static final String HEARTBEAT_PATH = "/agent/v1/heartbeat";
    /** The gateway's {@code RenewCertificate} endpoint: {@code {"csr"}} in, 201 {@code {"certificate"}} out. */
    public static final String CERTIFICATE_PATH = "/agent/v1/certificate";

    private final AgentSettings settings;
    private final Vertx vertx;
    private final boolean ownVertx;
    private final Context context;
    private final AgentClock clock;
    private final EventLog events = new EventLog();
    private final ManagerTrust trust;
    private final TlsProfile tls;
    private final NeighbourTable neighbours;
    private final List<Consumer<StateChange>> listeners = new CopyOnWriteArrayList<>();
    private final AgentStatus status = new AgentStatus();
    private final HeartbeatSender heartbeats;
    private final AgentPort port;
    private final Configurations configurations;

    private volatile AgentState state = AgentState.CREATED;
    private volatile Long computerID;
    private volatile AgentKeyManager keyManager;
    private volatile ManagerClient client;
    private volatile int listeningPort;
    private volatile String driverStatus;
    private volatile RoundTrips roundTrips;

    /** An agent on its own Vert.x instance (closed by {@link #stop()}). */
    public ReferenceAgent(AgentSettings settings) {
        this(Vertx.vertx(), true, settings, NeighbourTable.linux());
    }

    /** An agent on a shared Vert.x instance. */
    public ReferenceAgent(Vertx vertx, AgentSettings settings) {
        this(vertx, false, settings, NeighbourTable.linux());
    }

    ReferenceAgent(Vertx vertx, boolean ownVertx, AgentSettings settings, NeighbourTable neighbours) {
        this.settings = settings;
        this.vertx = vertx;
        this.ownVertx = ownVertx;
        this.context = vertx.getOrCreateContext();
        this.clock = AgentClock.system(settings.clockSkew());
        this.trust = new ManagerTrust(settings.managerCaSha256());
        this.tls = settings.tlsProfile();
        this.neighbours = neighbours;
        this.driverStatus = settings.driverStatus();
        this.listeningPort = settings.listeningPort();
        this.configurations = new Configurations(this);
        this.heartbeats = new HeartbeatSender(this);
        this.port = new AgentPort(this);
    }

    /** Activates and runs the agent; completes once it is active, or fails when activation failed for good. */
    public CompletionStage<Void> start() {
        CompletableFuture<Void> started = new CompletableFuture<>();
        onContext(() -> {
            if (state != AgentState.CREATED) {
                started.completeExceptionally(new IllegalStateException("already started"));
                return;
            }
            setState(AgentState.ACTIVATING, "activating on " + settings.gateway());
            new Activation(this, started).attempt();
        });
        return started;
    }

    /** Stops heartbeats, closes the port and the connection; the agent cannot be started again. */
    public CompletionStage<Void> stop() {
        CompletableFuture<Void> stopped = new CompletableFuture<>();
        onContext(() -> {
            heartbeats.cancel();
            setState(AgentState.STOPPED, null);
            ManagerClient current = client;
            port.reconcile()
                    .compose(v -> current == null ? io.vertx.core.Future.succeededFuture() : current.close())
                    .compose(v -> ownVertx ? vertx.close() : io.vertx.core.Future.succeededFuture())
                    .onComplete(ar -> stopped.complete(null));
        });
        return stopped;
    }

    /** Stops sending heartbeats and closes the listening port, as if the agent were frozen. */
    public void pauseHeartbeats() {
        onContext(() -> {
            if (state == AgentState.ACTIVE) {
                heartbeats.cancel();
                setState(AgentState.PAUSED, "heartbeats paused");
                port.reconcile();
            }
        });
    }

    /** Resumes: reopens the port and sends a heartbeat at once (unless Manager Initiated). */
    public void resumeHeartbeats() {
        onContext(() -> {
            if (state == AgentState.PAUSED) {
                setState(AgentState.ACTIVE, "heartbeats resumed");
                port.reconcile();
                heartbeats.beatSoon();
            }
        });
    }

    /** Sends a heartbeat now, whatever the direction; completes with the HTTP status (or fails without answer). */
    public CompletionStage<Integer> heartbeatNow() {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        onContext(() -> heartbeats.beat(0, true, done));
        return done;
    }

    /**
     * Moves the agent's wall clock by {@code delta}. A Windows agent whose configuration has a clock threshold that
     * the change exceeds logs event 5004 for its next heartbeat.
     */
    public ClockChange jumpClock(Duration delta) {
        ClockChange change = clock.jump(delta);
        ClockEvents.forChange(change, settings.platform(), configuration().clockChangeThresholdSeconds())
                .ifPresent(events::add);
        return change;
    }

    /** Sets the clock's skew against real time (a jump by the difference, reported like {@link #jumpClock}). */
    public ClockChange setClockSkew(Duration skew) {
        return jumpClock(skew.minus(clock.skew()));
    }

    /** Adds an entry to the agent's log, for its next heartbeat. */
    public void logEvent(AgentLogEvent event) {
        events.add(event);
    }

    /** From now on, configurations are refused with this reason (null: applied normally again). */
    public void failConfigurationsWith(String reason) {
        configurations.failWith(reason);
    }

    public void setDriverStatus(String driverStatus) {
        this.driverStatus = driverStatus;
    }

    /** Records the round trip of every answered heartbeat in {@code histogram} (shared by a fleet). */
    public void recordRoundTripsIn(RoundTrips histogram) {
        this.roundTrips = histogram;
    }

    public void onStateChange(Consumer<StateChange> listener) {
        listeners.add(listener);
    }

    // ---- observable state

    public AgentSettings settings() { return settings; }
    public AgentState state() { return state; }
    /** The computer ID the manager gave at activation; null before. */
    public Long computerID() { return computerID; }
    public AgentConfiguration configuration() { return configurations.running().configuration(); }
    /** The fingerprint of the configuration the agent runs, computed by the agent. */
    public String configFingerprint() { return configurations.running().fingerprint(); }
    public long acceptedHeartbeats() { return status.accepted(); }
    public long answeredHeartbeatRequests() { return status.answeredRequests(); }
    /** The body of the last 200 answer to a heartbeat; null before the first. */
    public JsonNode lastResponse() { return status.lastResponse(); }
    /** The HTTP status of the last heartbeat answer; 0 before the first. */
    public int lastStatus() { return status.lastStatus(); }
    public String lastError() { return status.lastError(); }
    public String lastTlsProtocol() { return status.lastTlsProtocol(); }
    public String lastCipherSuite() { return status.lastCipherSuite(); }
    /** Every operation result the manager has accepted in a heartbeat, oldest first. */
    public List<OperationResult> reportedResults() { return status.reported(); }
    public long heartbeatIntervalSeconds() { return heartbeats.intervalSeconds(); }
    public X509Certificate certificate() { return keyManager == null ? null : keyManager.certificate(); }
    /** The port the agent listens on (resolved when 0 was asked for). */
    public int listeningPort() { return listeningPort; }
    /** Whether the listening port is open now. */
    public boolean listening() { return port.isOpen(); }
    public int pendingEvents() { return events.pendingCount(); }
    public long eventsDropped() { return events.dropped(); }
    public Duration clockSkew() { return clock.skew(); }
    /**
     * How much later than due this agent's heartbeat timer fired at worst since {@link #resetTimerLateness()}: when
     * a whole fleet runs in one process on a busy machine, the agent itself may beat late, and a manager that then
     * calls it offline is right.
     */
    public Duration longestTimerLateness() { return Duration.ofNanos(heartbeats.longestTimerLatenessNanos()); }
    public void resetTimerLateness() { heartbeats.resetTimerLateness(); }

    /** This agent's latest heartbeats (up to 32), oldest first: when each was sent and how it ended. */
    public List<SentHeartbeat> recentHeartbeats() { return heartbeats.recent(); }

    // ---- for the agent's parts

    Vertx vertx() { return vertx; }
    AgentClock clock() { return clock; }
    EventLog events() { return events; }
    ManagerTrust trust() { return trust; }
    TlsProfile tls() { return tls; }
    NeighbourTable neighbours() { return neighbours; }
    AgentStatus status() { return status; }
    HeartbeatSender heartbeats() { return heartbeats; }
    AgentPort port() { return port; }
    Configurations configurations() { return configurations; }
    ManagerClient client() { return client; }
    AgentKeyManager keyManager() { return keyManager; }
    String driverStatus() { return driverStatus; }

    void answeredAfter(long nanos) {
        RoundTrips histogram = roundTrips;
        if (histogram != null) {
            histogram.record(nanos);
        }
    }

    void client(ManagerClient client) { this.client = client; }
    void keyManager(AgentKeyManager keyManager) { this.keyManager = keyManager; }
    void computerID(long id) { this.computerID = id; }
    void listeningPort(int port) { this.listeningPort = port; }

    boolean isActive() {
        return state == AgentState.ACTIVE;
    }

    void onContext(Runnable action) {
        context.runOnContext(v -> action.run());
    }

    void setState(AgentState next, String detail) {
        state = next;
        notice(detail);
    }

    void notice(String detail) {
        StateChange change = new StateChange(settings.hostName(), computerID, state, detail);
        listeners.forEach(l -> l.accept(change));
    }

    /** Records a problem; tells observers only when it differs from the last one (no log flood while it lasts). */
    void problem(String message) {
        if (status.error(message)) {
            notice(message);
        }
    }
}
