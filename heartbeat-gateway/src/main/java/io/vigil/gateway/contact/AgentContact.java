package io.vigil.gateway.contact;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.gateway.GatewayConfig;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.gateway.ca.PlatformCa;
import io.vigil.gateway.ca.TlsMaterial;
import io.vigil.gateway.contact.networks.AgentNetworks;
import io.vigil.gateway.guard.GuardConfig;
import io.vigil.gateway.heartbeat.HeartbeatService;
import io.vigil.gateway.kafka.EventPublisher;
import io.vigil.gateway.state.Access;
import io.vigil.gateway.state.ComputerDirectory;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Wires the communication directions: contact-group membership ({@link ContactAssignment}) feeds the
 * {@link ContactCoordinator}; the {@link Poller} polls Manager Initiated computers; the {@link Pusher} pushes changed
 * configurations at the configured rate. Calls use the manager's client certificate and trust only the platform CA.
 */
@ApplicationScoped
public class AgentContact {

    private final ContactCoordinator coordinator;
    private final ContactAssignment assignment;
    private final Poller poller;
    private final Pusher pusher;
    private final ScheduledExecutorService watchdog;

    public AgentContact(GatewayConfig config, GuardConfig guard, PlatformCa ca, ComputerDirectory directory, HeartbeatService heartbeats,
                        EventPublisher publisher, MeterRegistry metrics, KafkaClientFactory kafka,
                        KafkaConnection kafkaConnection) {
        GatewayConfig.Agents agents = config.agents();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gateway-agent-call-deadlines").daemon().factory());
        AgentClient client = new AgentClient(TlsMaterial.keyManager(TlsMaterial.keyStore(ca)),
                TlsMaterial.trustManager(TlsMaterial.trustStore(ca.caCertificate())),
                AgentNetworks.of(agents.networks()),
                (computerID, certificate) -> {
                    Access access = directory.access(computerID,
                            CertificateAuthority.serialHex(certificate.getSerialNumber()));
                    return access.allowed() ? null : access.reason();
                }, watchdog);
        PushQueue<PushRequest> queue = new PushQueue<>(agents.pushQueueCapacity());
        Consumer<PushRequest> enqueue = AgentCalls.enqueuer(queue, metrics);
        this.coordinator = new ContactCoordinator(new PollSchedule(agents.firstPollSpread().toMillis()), enqueue,
                System::currentTimeMillis);
        AgentCalls calls = new AgentCalls(client, agents.timeout().toMillis(), guard.maxEvents(), directory,
                heartbeats, coordinator, enqueue, new ContactFailures(publisher, metrics), metrics);
        this.assignment = new ContactAssignment(kafka, kafkaConnection, agents.contactGroup(),
                agents.sessionTimeout(), coordinator);
        this.poller = new Poller(coordinator, calls::poll, agents.maxConcurrentCalls(), 100);
        this.pusher = new Pusher(queue, new TokenBucket(agents.pushRatePerSecond(), System.nanoTime()),
                calls::push, agents.maxConcurrentCalls());
        metrics.gauge("vigil.gateway.agents.push.queue", queue, PushQueue::size);
        metrics.gauge("vigil.gateway.agents.contacted.computers", coordinator, c -> c.ownedComputers().size());
    }

    void start(@Observes StartupEvent event) {
        assignment.start();
        poller.start();
        pusher.start();
    }

    void stop(@Observes ShutdownEvent event) {
        poller.stop();
        pusher.stop();
        assignment.stop();
        watchdog.shutdownNow();
    }

    /** True once this replica has joined the contact group and read its partitions (tests, diagnostics). */
    public boolean caughtUp() {
        return assignment.caughtUp();
    }

    public ContactCoordinator coordinator() {
        return coordinator;
    }
}
