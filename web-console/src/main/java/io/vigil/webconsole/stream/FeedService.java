package io.vigil.webconsole.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vigil.events.KafkaAccess;
import io.vigil.kafka.KafkaClientFactory;
import io.vigil.kafka.KafkaConnection;
import io.vigil.kafka.KafkaProblem;
import io.vigil.webconsole.ConsoleConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs the {@link TopicFeed} of the console's public topics on its own thread and hands every event to the
 * {@link EventHub}. A feed that fails is rebuilt with a fresh consumer: at once after a refusal that
 * {@link KafkaConnection} held until the connection check passed again, after {@link #RESTART_DELAY} otherwise.
 * {@link StreamReadiness} is UP while the feed reads every partition.
 */
@ApplicationScoped
public class FeedService {

    private static final Logger LOG = Logger.getLogger(FeedService.class);
    static final Duration RESTART_DELAY = Duration.ofSeconds(2);
    static final String CLIENT = "web-console-stream";

    private final KafkaClientFactory kafka;
    private final KafkaConnection connection;
    private final EventHub hub;
    private final MeterRegistry registry;
    private final Map<String, Counter> delivered = new ConcurrentHashMap<>();
    private ScheduledExecutorService thread;
    private volatile TopicFeed feed;
    private volatile boolean stopped;

    public FeedService(KafkaClientFactory kafka, KafkaConnection connection, ConsoleConfig config,
                       MeterRegistry registry) {
        this.kafka = kafka;
        this.connection = connection;
        this.registry = registry;
        this.hub = new EventHub(config.stream().maxClients());
        registry.gauge("vigil.console.stream.clients", hub, EventHub::clients);
    }

    /** The topics the console shows: what the ACL table lets it read. */
    public static List<String> topics() {
        return KafkaAccess.of(KafkaAccess.WEB_CONSOLE).orElseThrow().reads();
    }

    public EventHub hub() {
        return hub;
    }

    void start(@Observes StartupEvent event) {
        topics().forEach(this::counter); // exported at 0 before the first event
        thread = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(CLIENT).daemon().factory());
        thread.execute(this::runOnce);
    }

    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        TopicFeed current = feed;
        if (current != null) {
            current.stop();
        }
        if (thread != null) {
            thread.shutdown();
        }
    }

    private void runOnce() {
        if (stopped) {
            return;
        }
        try {
            TopicFeed fresh = new TopicFeed(kafka.consumer(CLIENT, null, Map.of("auto.offset.reset", "latest")),
                    topics(), this::deliver);
            feed = fresh;
            if (stopped) {
                fresh.stop();
            }
            fresh.run();
        } catch (RuntimeException e) {
            if (!connection.failed(CLIENT, e, () -> !stopped)) {
                return;
            }
            boolean held = KafkaProblem.permanent(e);
            if (!held) {
                LOG.errorf("the console's event feed failed, restarting it in %d s: %s", RESTART_DELAY.toSeconds(),
                        e.toString());
            }
            schedule(held ? Duration.ZERO : RESTART_DELAY);
            return;
        }
        schedule(RESTART_DELAY);
    }

    private void schedule(Duration delay) {
        if (!stopped) {
            thread.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void deliver(String topic, byte[] record) {
        ConsoleEvent.of(record).ifPresent(event -> {
            counter(topic).increment();
            hub.publish(event);
        });
    }

    private Counter counter(String topic) {
        return delivered.computeIfAbsent(topic, t -> Counter.builder("vigil.console.stream.events")
                .description("events of the public topics sent to the console's open streams (each once)")
                .tag("topic", t).register(registry));
    }

    /** Whether the feed reads every partition of its topics from their end now. */
    public boolean reading() {
        TopicFeed current = feed;
        return current != null && current.assigned();
    }
}
