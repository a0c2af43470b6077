package io.vigil.siem.forward;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The forwarder's domain metrics (Prometheus names in the README). */
public final class ForwarderMetrics {

    private final Counter deadLetters;
    private final AtomicInteger pending = new AtomicInteger();
    private final Map<Receiver, Counter> forwarded = new HashMap<>();
    private final Map<Receiver, Counter> failures = new HashMap<>();

    public ForwarderMetrics(MeterRegistry registry, List<Receiver> receivers) {
        this.deadLetters = Counter.builder("vigil.siem.dead.letters")
                .description("Records that could not be formatted and went to vigil.dead-letter").register(registry);
        Gauge.builder("vigil.siem.pending.messages", pending, AtomicInteger::get)
                .description("Messages read from Kafka and not yet delivered to every receiver").register(registry);
        for (Receiver receiver : receivers) {
            Gauge.builder("vigil.siem.receiver.up", receiver, r -> r.up() ? 1 : 0)
                    .tag("receiver", receiver.spec().name())
                    .description("1 while the receiver's last delivery succeeded").register(registry);
            forwarded.put(receiver, Counter.builder("vigil.siem.forwarded").tag("receiver", receiver.spec().name())
                    .description("Messages a receiver took").register(registry));
            failures.put(receiver, Counter.builder("vigil.siem.delivery.failures")
                    .tag("receiver", receiver.spec().name())
                    .description("Failed delivery attempts (each is retried)").register(registry));
        }
    }

    void delivered(Receiver receiver, int messages) {
        forwarded.get(receiver).increment(messages);
    }

    void failed(Receiver receiver) {
        failures.get(receiver).increment();
    }

    void deadLettered(int count) {
        deadLetters.increment(count);
    }

    void pending(int count) {
        pending.set(count);
    }
}
