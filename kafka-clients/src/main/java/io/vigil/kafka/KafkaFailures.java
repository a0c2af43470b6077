package io.vigil.kafka;

/** Where a background Kafka loop (a consumer thread, a relay) reports a failure before it retries. */
@FunctionalInterface
public interface KafkaFailures {

    /**
     * Reports a failure of the named client. For a failure that retrying cannot cure (wrong credentials, untrusted
     * certificate, missing ACL) the implementation makes it visible (log, readiness) and returns only once the
     * connection has been found healthy again or {@code running} turned false; for others it returns at once.
     *
     * @return whether the loop should retry (false: it was interrupted)
     */
    boolean failed(String client, Throwable failure, java.util.function.BooleanSupplier running);

    /** For loops run outside the application (tests, benchmarks): report nothing, retry at once. */
    KafkaFailures NONE = (client, failure, running) -> true;
}
