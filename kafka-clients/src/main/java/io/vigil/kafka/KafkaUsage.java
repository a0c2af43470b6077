package io.vigil.kafka;

import java.util.List;

/**
 * What a service needs from Kafka, checked at start-up with its own credentials: the topics it reads, the topics it
 * writes and the consumer groups it joins. Each service produces one as a CDI bean.
 */
public record KafkaUsage(List<String> reads, List<String> writes, List<String> groups) {

    public KafkaUsage {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
        groups = List.copyOf(groups);
    }

    /** Every topic read or written, each once, in order. */
    public List<String> topics() {
        return java.util.stream.Stream.concat(reads.stream(), writes.stream()).distinct().toList();
    }
}
