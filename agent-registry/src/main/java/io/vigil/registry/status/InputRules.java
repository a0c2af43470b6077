package io.vigil.registry.status;

import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.liveness.LivenessChanged;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether the status engine may apply a decoded record, judged on the record alone: every value the engine stores,
 * compares or publishes must mean something. A record that cannot is refused with a reason naming the field, and
 * the engine dead-letters it instead of applying it; nothing is sanitized silently. Closed sets (registration state,
 * VM state, driver status, operation status) refuse unknown values; reasons (contact failures, liveness) are an open
 * set of lowercase tokens, shown as given, so a newer producer may add one. Plain Java, never throws.
 */
public final class InputRules {

    static final int MAX_HOST_NAME = 253;
    static final int MAX_SHORT_TEXT = 128;
    static final int MAX_COUNTERS = 200;
    static final int MAX_OPERATION_RESULTS = 100;
    static final int MAX_REASON = 1_024;
    private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{64}");
    private static final Set<String> STATES = Set.of(ComputerRegistration.ACTIVATED, ComputerRegistration.DEACTIVATED);
    private static final Set<String> VM_STATES = Set.of("running", "stopped");
    private static final Set<String> DRIVER_STATUSES = Set.of("Online", "Offline");
    private static final Set<String> OPERATION_STATUSES = Set.of("applied", "failed");

    private InputRules() {
    }

    /**
     * @param timestampMs the record's timestamp (for heartbeats the broker's receive time)
     * @return null when the record may be applied, else why not (naming the field; never echoing unstorable text)
     */
    public static String refusal(Input input, long timestampMs) {
        Verdict v = new Verdict().millis("record timestamp", timestampMs);
        switch (input) {
            case Input.Heartbeat h -> heartbeat(v, h.computerID(), h.data());
            case Input.Liveness l -> liveness(v, l.computerID(), l.data());
            case Input.Contact c -> contact(v, c.computerID(), c.data());
            case Input.Config c -> config(v, c.computerID(), c.data());
            case Input.Registration r -> registration(v, r.computerID(), r.data());
        }
        return v.reason();
    }

    private static void heartbeat(Verdict v, long key, HeartbeatReceived hb) {
        v.check(hb.computerID() == key, "computerID", "differs from the record key")
                .text("agentVersion", hb.agentVersion(), 64, false)
                .oneOf("driverStatus", hb.driverStatus(), DRIVER_STATUSES, false)
                .check(hb.configFingerprint() == null || FINGERPRINT.matcher(hb.configFingerprint()).matches(),
                        "configFingerprint", "is not sha256: and 64 lowercase hex digits")
                .text("remoteAddress", hb.remoteAddress(), MAX_SHORT_TEXT, false)
                .text("tlsProtocol", hb.tlsProtocol(), MAX_SHORT_TEXT, false)
                .text("tlsCipherSuite", hb.tlsCipherSuite(), MAX_SHORT_TEXT, false)
                .check(hb.listeningPort() == null || (hb.listeningPort() >= 1 && hb.listeningPort() <= 65_535),
                        "listeningPort", "is outside 1..65535");
        counters(v, hb.counters());
        operations(v, hb.operationResults());
    }

    private static void counters(Verdict v, Map<String, Long> counters) {
        if (counters == null) {
            return;
        }
        v.check(counters.size() <= MAX_COUNTERS, "counters", "has more than " + MAX_COUNTERS + " members");
        for (Map.Entry<String, Long> e : counters.entrySet()) {
            v.text("counters name", e.getKey(), 64, true)
                    .check(e.getValue() != null, "counters value", "is missing")
                    .range("counters value", e.getValue() == null ? 0 : e.getValue(), 0, Verdict.MAX_SAFE_INTEGER);
            if (v.reason() != null) {
                return;
            }
        }
    }

    private static void operations(Verdict v, List<HeartbeatReceived.OperationResult> results) {
        if (results == null) {
            return;
        }
        v.check(results.size() <= MAX_OPERATION_RESULTS, "operationResults",
                "has more than " + MAX_OPERATION_RESULTS + " entries");
        for (HeartbeatReceived.OperationResult op : results) {
            if (op == null) {
                v.check(false, "operationResults", "has a null entry");
                return;
            }
            v.range("operationResults.operationID", op.operationID(), 0, Verdict.MAX_SAFE_INTEGER)
                    .text("operationResults.type", op.type(), 64, false)
                    .oneOf("operationResults.status", op.status(), OPERATION_STATUSES, true)
                    .text("operationResults.reason", op.reason(), MAX_REASON, false);
        }
    }

    private static void liveness(Verdict v, long key, LivenessChanged l) {
        v.check(l.computerID() == key, "computerID", "differs from the record key")
                .range("missedHeartbeats", l.missedHeartbeats(), 0, Integer.MAX_VALUE)
                .time("lastHeartbeatAt", l.lastHeartbeatAt())
                .time("judgedAt", l.judgedAt())
                .token("reason", l.reason(), false);
    }

    private static void contact(Verdict v, long key, ContactFailed c) {
        v.check(c.computerID() == key, "computerID", "differs from the record key")
                .token("reason", c.reason(), true)
                .time("at", c.at());
    }

    private static void config(Verdict v, long key, ComputerConfiguration c) {
        if (c == null) {
            return; // a tombstone: forget the expected configuration
        }
        v.check(c.computerID() == key, "computerID", "differs from the record key")
                .check(c.configFingerprint() == null || FINGERPRINT.matcher(c.configFingerprint()).matches(),
                        "configFingerprint", "is not sha256: and 64 lowercase hex digits");
    }

    private static void registration(Verdict v, long key, ComputerRegistration r) {
        v.check(r.computerID() == key, "computerID", "differs from the record key")
                .text("hostName", r.hostName(), MAX_HOST_NAME, true)
                .oneOf("state", r.state(), STATES, true)
                .oneOf("vmState", r.vmState(), VM_STATES, true)
                .range("listeningPort", r.listeningPort(), 0, 65_535);
    }
}
