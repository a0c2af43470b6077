package io.vigil.gateway.contact;

import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Drains the {@link PushQueue} at the configured rate (a {@link TokenBucket}): a worker thread takes the next push
 * when a token is available and runs it on a virtual thread, at most {@code maxConcurrent} at a time. A fleet-wide
 * change therefore waits in the bounded queue instead of competing with heartbeat handling.
 */
public final class Pusher {

    private static final Logger LOG = Logger.getLogger(Pusher.class);

    private final PushQueue<PushRequest> queue;
    private final TokenBucket bucket;
    private final Consumer<PushRequest> push;
    private final Semaphore slots;
    private volatile boolean running = true;
    private Thread thread;

    public Pusher(PushQueue<PushRequest> queue, TokenBucket bucket, Consumer<PushRequest> push, int maxConcurrent) {
        this.queue = queue;
        this.bucket = bucket;
        this.push = push;
        this.slots = new Semaphore(maxConcurrent);
    }

    public void start() {
        thread = Thread.ofPlatform().name("gateway-agent-pusher").daemon().start(this::run);
    }

    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        try {
            while (running) {
                Optional<PushRequest> next = queue.poll(500, TimeUnit.MILLISECONDS);
                if (next.isEmpty()) {
                    continue;
                }
                long wait;
                while ((wait = bucket.tryTake(System.nanoTime())) > 0) {
                    LockSupport.parkNanos(wait);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
                PushRequest request = next.get();
                slots.acquire();
                Thread.ofVirtual().name("push-" + request.computerID()).start(() -> {
                    try {
                        push.accept(request);
                    } catch (RuntimeException e) {
                        LOG.warnf(e, "push to computer %d failed unexpectedly", request.computerID());
                    } finally {
                        slots.release();
                    }
                });
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
