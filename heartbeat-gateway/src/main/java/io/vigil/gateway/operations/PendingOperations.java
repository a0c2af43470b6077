package io.vigil.gateway.operations;

import io.vigil.gateway.state.ExpectedConfiguration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the operations of a heartbeat answer. Operation IDs are derived from what they ask for (the expected
 * fingerprint, the certificate serial), so every replica hands out the same ID for the same work; a failed operation
 * is remembered ({@link FailureMemory}, shared by every replica) and not sent again until the work changes (a new
 * expected fingerprint, a new certificate).
 */
public final class PendingOperations {

    private final Duration renewBefore;
    private final FailureMemory failures;

    public PendingOperations(Duration renewBefore, FailureMemory failures) {
        this.renewBefore = renewBefore;
        this.failures = failures;
    }

    /** The work for a computer that reports {@code reportedFingerprint} and holds a certificate expiring then. */
    public List<Operation> pending(long computerID, String reportedFingerprint, ExpectedConfiguration expected,
                                   String certificateSerial, Instant certificateNotAfter, Instant now) {
        List<Operation> operations = new ArrayList<>();
        if (!expected.fingerprint().equals(reportedFingerprint)) {
            long id = updateId(expected.fingerprint());
            if (!failures.blocked(computerID, id)) {
                operations.add(new Operation(id, Operation.UPDATE_CONFIGURATION, expected.fingerprint(),
                        expected.configuration()));
            }
        }
        if (certificateNotAfter != null && !now.isBefore(certificateNotAfter.minus(renewBefore))) {
            long id = renewId(certificateSerial);
            if (!failures.blocked(computerID, id)) {
                operations.add(new Operation(id, Operation.RENEW_CERTIFICATE, null, null));
            }
        }
        return operations;
    }

    /** The type of an operation ID for this computer's expected work, if it is one of them. */
    public static Optional<String> typeOf(long operationID, ExpectedConfiguration expected, String serial) {
        if (operationID == updateId(expected.fingerprint())) {
            return Optional.of(Operation.UPDATE_CONFIGURATION);
        }
        if (serial != null && operationID == renewId(serial)) {
            return Optional.of(Operation.RENEW_CERTIFICATE);
        }
        return Optional.empty();
    }

    public static long updateId(String fingerprint) {
        return id("update:" + fingerprint);
    }

    public static long renewId(String serial) {
        return id("renew:" + serial);
    }

    /** A positive ID below 2^53, so JavaScript clients read it exactly. */
    private static long id(String work) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(work.getBytes(StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 7; i++) {
                value = (value << 8) | (digest[i] & 0xff);
            }
            return (value & ((1L << 53) - 1)) | 1;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
