package io.vigil.siem.app;

import io.vigil.kafka.KafkaFailures;
import io.vigil.kafka.KafkaProblem;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * One Kafka loop (the directory feed, the delivery loop) that outlives the failures of its clients: each run gets
 * fresh clients from {@code build}; when a run fails, the failure goes to {@link KafkaFailures} (a refused password,
 * certificate or ACL turns readiness DOWN, is logged once and holds the loop until the Kafka connection check passes
 * again), and then a new run is scheduled on the executor: at once after such a hold, after {@code restartDelay} for
 * any other failure. Nothing retries silently and nothing stays dead after the cause is fixed.
 */
final class RestartingLoop {

    private static final Logger LOG = Logger.getLogger(RestartingLoop.class);

    /** A run of the loop: {@code run} returns when stopped or throws when it fails. */
    interface Run extends Runnable {
        void stop();

        static Run of(Runnable body, Runnable stop) {
            return new Run() {
                @Override
                public void run() {
                    body.run();
                }

                @Override
                public void stop() {
                    stop.run();
                }
            };
        }
    }

    private final String client;
    private final Supplier<Run> build;
    private final KafkaFailures failures;
    private final ScheduledExecutorService executor;
    private final Duration restartDelay;
    private volatile boolean stopped;
    private volatile Run current;

    RestartingLoop(String client, Supplier<Run> build, KafkaFailures failures, ScheduledExecutorService executor,
                   Duration restartDelay) {
        this.client = client;
        this.build = build;
        this.failures = failures;
        this.executor = executor;
        this.restartDelay = restartDelay;
    }

    void start() {
        executor.execute(this::runOnce);
    }

    void stop() {
        stopped = true;
        Run run = current;
        if (run != null) {
            run.stop();
        }
    }

    private void runOnce() {
        if (stopped) {
            return;
        }
        try {
            Run run = build.get();
            current = run;
            if (stopped) {
                run.stop(); // stop() came while it was being built: run() returns at once
            }
            run.run();
        } catch (RuntimeException e) {
            if (!failures.failed(client, e, () -> !stopped)) {
                return; // interrupted: the application stops
            }
            boolean held = KafkaProblem.permanent(e);
            if (!held) { // a permanent one was logged with the setting to fix, and held until the check passed
                LOG.errorf("Kafka client %s failed, restarting it in %d s: %s", client, restartDelay.toSeconds(),
                        e.toString());
            }
            schedule(held ? Duration.ZERO : restartDelay);
            return;
        }
        if (!stopped) {
            LOG.warnf("Kafka client %s ended without being stopped, restarting it in %d s", client,
                    restartDelay.toSeconds());
            schedule(restartDelay);
        }
    }

    private void schedule(Duration delay) {
        if (stopped) {
            return;
        }
        try {
            executor.schedule(this::runOnce, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // the application stops
        }
    }
}
