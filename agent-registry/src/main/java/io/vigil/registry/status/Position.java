package io.vigil.registry.status;

/** A topic partition the engine reads, without Kafka types. */
public record Position(String topic, int partition) {
}
