package io.vigil.gateway.heartbeat;

/**
 * What the gateway does with an agent request body of a given size, announced ({@code Content-Length}) or counted so
 * far (chunked): up to {@link #LIMIT} it is handled; beyond, it is read and discarded up to {@link #DRAIN_LIMIT} and
 * answered 413 on a connection that stays usable; beyond that the answer is 413 with {@code Connection: close} at
 * once, and the connection is closed when the request ends, after at most {@link #LINGER_BYTES} more bytes were
 * discarded, or after {@link #LINGER_MILLIS}, whichever comes first (so that a client still sending reads the answer
 * rather than a reset).
 */
public final class BodySize {

    public static final long LIMIT = 1024 * 1024;
    public static final long DRAIN_LIMIT = 32L * 1024 * 1024;
    public static final long LINGER_BYTES = 1024 * 1024;
    public static final long LINGER_MILLIS = 2_000;

    /** The treatment of a body of a given size. */
    public enum Verdict {
        /** Handle the request. */
        KEEP,
        /** Answer 413 once the whole body was read and discarded; keep the connection. */
        DRAIN,
        /** Answer 413 at once and close the connection. */
        CLOSE
    }

    private BodySize() {
    }

    public static Verdict of(long bytes) {
        if (bytes <= LIMIT) {
            return Verdict.KEEP;
        }
        return bytes <= DRAIN_LIMIT ? Verdict.DRAIN : Verdict.CLOSE;
    }

    /** Whether the bytes received after a 413 with {@code Connection: close} use up the linger allowance. */
    public static boolean lingerUsedUp(long bytesAfterAnswer) {
        return bytesAfterAnswer > LINGER_BYTES;
    }
}
