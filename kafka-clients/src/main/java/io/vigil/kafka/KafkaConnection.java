package io.vigil.kafka;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The state of this service's Kafka connection. At start-up it runs the {@link KafkaConnectionCheck} (in the
 * background, bounded by {@code vigil.kafka.check.timeout}); a failure is logged once as an error that names the
 * setting to fix (or the ACL), readiness stays DOWN, and the check is repeated every
 * {@code vigil.kafka.check.retry-interval} until it passes. Background loops report their failures here
 * ({@link KafkaFailures}): a permanent one (credentials, certificate, ACL) turns readiness DOWN too and holds the loop
 * until the check passes again, so nothing retries silently.
 */
@ApplicationScoped
public class KafkaConnection implements KafkaFailures {

    private static final Logger LOG = Logger.getLogger(KafkaConnection.class);

    /** Where the connection stands: not checked yet, healthy (problem null) or failing. */
    public record State(boolean checked, KafkaProblem problem) {
        public boolean healthy() {
            return checked && problem == null;
        }
    }

    private final KafkaConnectionCheck check;
    private final Duration retryInterval;
    private final String clientId;
    private final Object lock = new Object();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kafka-connection-check").daemon().factory());
    private volatile State state = new State(false, null);
    private boolean retryScheduled;

    @Inject
    public KafkaConnection(KafkaClientFactory clients, Instance<KafkaUsage> usage, KafkaCheckConfig config,
                           @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.name",
                                   defaultValue = "vigil") String application) {
        this(new KafkaConnectionCheck(clients, usage.isResolvable() ? usage.get()
                : new KafkaUsage(List.of(), List.of(), List.of()), config.timeout()), config.retryInterval(),
                application + "-kafka-check");
    }

    public KafkaConnection(KafkaConnectionCheck check, Duration retryInterval, String clientId) {
        this.check = check;
        this.retryInterval = retryInterval;
        this.clientId = clientId;
    }

    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        scheduler.shutdownNow();
    }

    /** Runs the first check in the background. */
    public void start() {
        scheduler.execute(this::runCheck);
    }

    public State state() {
        return state;
    }

    /** Runs the check now, on the caller's thread, and records the result. */
    public State checkNow() {
        KafkaProblem problem = check.run(clientId);
        synchronized (lock) {
            State before = state;
            state = new State(true, problem);
            if (problem == null) {
                if (before.problem() != null) {
                    LOG.infof("Kafka connection healthy again (%s)", check.principal());
                }
                lock.notifyAll();
            } else if (before.problem() == null || !before.problem().message().equals(problem.message())) {
                LOG.errorf("Kafka connection check failed, readiness stays DOWN until it passes (checked again every "
                        + "%d s): %s", retryInterval.toSeconds(), problem.message());
            }
            return state;
        }
    }

    private void runCheck() {
        State now;
        try {
            now = checkNow();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Kafka connection check could not run");
            now = state;
        }
        synchronized (lock) {
            retryScheduled = false;
            if (!now.healthy()) {
                scheduleRetry();
            }
        }
    }

    private void scheduleRetry() {
        if (!retryScheduled && !scheduler.isShutdown()) {
            retryScheduled = true;
            scheduler.schedule(this::runCheck, retryInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public boolean failed(String client, Throwable failure, BooleanSupplier running) {
        if (!KafkaProblem.permanent(failure)) {
            return true;
        }
        KafkaProblem problem = KafkaProblem.of(failure, check.principal(), check.configuration());
        synchronized (lock) {
            if (state.problem() == null) { // a known problem was logged already: say nothing new
                LOG.errorf("Kafka client %s stopped, readiness DOWN until the connection check passes: %s", client,
                        problem.message());
                state = new State(true, problem);
            }
            scheduleRetry();
            try {
                while (state.problem() != null && running.getAsBoolean() && !scheduler.isShutdown()) {
                    lock.wait(1_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
