package io.vigil.gateway.activation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * No activation is done twice: the same request (every member equal: token, host name, CSR, hence the same key pair)
 * asked again while the first is under way joins it, and asked again within {@code remember} of its success gets the
 * same answer (the same computer and certificate), e.g. an agent whose first answer was lost to a timeout. A failed attempt is
 * forgotten at once, so a retry after a refusal or an outage is done afresh. At most {@code capacity} answers are
 * remembered (the oldest go first).
 */
public final class ActivationLedger {

    /** Whether the caller did the work or was answered from an earlier attempt. */
    public enum Source { DONE, JOINED, REPLAYED }

    /** An answer and where it came from. */
    public record Outcome(ActivationResponse response, Source source) {
    }

    private record Entry(CompletableFuture<ActivationResponse> answer, Instant at) {
    }

    private final Duration remember;
    private final int capacity;
    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    public ActivationLedger(Duration remember, int capacity, Clock clock) {
        this.remember = remember;
        this.capacity = capacity;
        this.clock = clock;
    }

    /**
     * Answers the request: from an attempt under way or remembered, or by doing {@code work} (on the caller's thread).
     * A failure of {@code work} is thrown to every caller waiting for it.
     */
    public Outcome activate(ActivationRequest request, Supplier<ActivationResponse> work) {
        String key = key(request);
        CompletableFuture<ActivationResponse> mine = new CompletableFuture<>();
        Entry existing;
        synchronized (entries) {
            existing = entries.get(key);
            if (existing != null && existing.answer().isDone()
                    && existing.at().plus(remember).isBefore(clock.instant())) {
                entries.remove(key);
                existing = null;
            }
            if (existing == null) {
                entries.put(key, new Entry(mine, clock.instant()));
                trim();
            }
        }
        if (existing != null) {
            boolean done = existing.answer().isDone();
            return new Outcome(join(existing.answer()), done ? Source.REPLAYED : Source.JOINED);
        }
        try {
            ActivationResponse response = work.get();
            synchronized (entries) {
                entries.put(key, new Entry(mine, clock.instant())); // remembered from its success
            }
            mine.complete(response);
            return new Outcome(response, Source.DONE);
        } catch (RuntimeException e) {
            synchronized (entries) {
                Entry current = entries.get(key);
                if (current != null && current.answer() == mine) {
                    entries.remove(key);
                }
            }
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** How many answers (and attempts under way) are held. */
    public int size() {
        synchronized (entries) {
            return entries.size();
        }
    }

    private void trim() {
        var it = entries.entrySet().iterator();
        while (entries.size() > capacity && it.hasNext()) {
            if (it.next().getValue().answer().isDone()) {
                it.remove();
            }
        }
    }

    private static ActivationResponse join(CompletableFuture<ActivationResponse> answer) {
        try {
            return answer.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    static String key(ActivationRequest request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            // every member of the validated request (token, host name, CSR, ports, ...): the same request, byte for byte
            sha.update(request.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
