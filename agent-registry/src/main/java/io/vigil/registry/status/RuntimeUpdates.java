package io.vigil.registry.status;

import io.vigil.events.EventJson;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.liveness.LivenessChanged;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How each input changes a computer's runtime view. Offline and missed heartbeats come only from alert-service's
 * liveness judgements (no deadline arithmetic here); a heartbeat newer than the one a judgement was based on shows
 * the computer was heard from again. Stale inputs (older than what is known) change nothing, so replays are harmless.
 *
 * <p>The offline reason is the latest contact failure (by the time it happened) since the last heartbeat, whichever
 * of the two topics is read first: the topics are read in parallel, so a contact failure may be read after a later
 * heartbeat or judgement, and a judgement before the heartbeat it was based on. Each input therefore checks the
 * others' times rather than trusting the order it is read in.
 */
public final class RuntimeUpdates {

    private RuntimeUpdates() {
    }

    public static void apply(ComputerRuntime rt, Input input) {
        switch (input) {
            case Input.Heartbeat h -> heartbeat(rt, h.receivedMs(), h.data());
            case Input.Liveness l -> liveness(rt, l.data());
            case Input.Contact c -> contact(rt, c.data());
            case Input.Config c -> rt.expectedFingerprint = c.data() == null ? null
                    : Canonical.of(c.data().configFingerprint());
            case Input.Registration r -> registration(rt, r.data());
        }
    }

    static void heartbeat(ComputerRuntime rt, long receivedMs, HeartbeatReceived hb) {
        if (rt.lastHeartbeatMs != null && receivedMs < rt.lastHeartbeatMs) {
            return;
        }
        rt.lastHeartbeatMs = receivedMs;
        rt.lastIp = hb.remoteAddress();
        rt.driverStatus = Canonical.of(hb.driverStatus());
        if (hb.agentVersion() != null) {
            rt.agentVersion = Canonical.of(hb.agentVersion());
        }
        rt.counters = hb.counters() == null ? null : Canonical.of(EventJson.toJson(hb.counters()));
        if (hb.tlsProtocol() != null) {
            rt.tlsProtocol = Canonical.of(hb.tlsProtocol());
            rt.tlsCipherSuite = Canonical.of(hb.tlsCipherSuite());
        }
        rt.reportedFingerprint = Canonical.of(hb.configFingerprint());
        int port = ListeningPortRule.toAdopt(rt.registration, rt.listeningPort, hb.listeningPort());
        if (port != ListeningPortRule.NONE) {
            rt.listeningPort = port;
        }
        forgetContactBefore(rt, receivedMs);
        List<HeartbeatReceived.OperationResult> results = hb.operationResults();
        if (results != null && !results.isEmpty()) {
            rt.lastOperation = operationJson(results.getLast(), receivedMs);
        }
        if (rt.livenessLastHeartbeatMs == null || receivedMs > rt.livenessLastHeartbeatMs) {
            rt.offline = false;
            rt.missedHeartbeats = 0;
            // the reason a judgement gave ends with it; a contact failure after this heartbeat (read before it)
            // stays, as it would had the heartbeat been read first
            if (LivenessChanged.PLATFORM_OUTAGE.equals(rt.contactReason)) {
                rt.contactReason = null;
                rt.contactAtMs = null;
            }
        }
    }

    static void liveness(ComputerRuntime rt, LivenessChanged l) {
        Long basedOn = millis(l.lastHeartbeatAt());
        if (basedOn != null && rt.lastHeartbeatMs != null && basedOn < rt.lastHeartbeatMs) {
            return;
        }
        rt.offline = l.offline();
        rt.missedHeartbeats = Math.max(0, l.missedHeartbeats());
        rt.livenessLastHeartbeatMs = basedOn;
        if (basedOn != null) {
            // alert-service heard from the computer then, even if that heartbeat is not read here yet
            forgetContactBefore(rt, basedOn);
        }
        if (!l.offline() && l.missedHeartbeats() == 0) {
            // heard from again: no reason as of this judgement; the time stays so that an older failure read
            // later is not taken up again
            rt.contactReason = null;
            rt.contactAtMs = millis(l.judgedAt());
        } else if (l.offline() && l.reason() != null) {
            // alert-service holds this computer's own alert back (platform-outage): that is why it is offline
            rt.contactReason = Canonical.of(l.reason());
            rt.contactAtMs = millis(l.judgedAt());
        }
    }

    static void contact(ComputerRuntime rt, ContactFailed c) {
        Long at = millis(c.at());
        if (at != null && (before(at, lastHeard(rt)) || before(at, rt.contactAtMs))) {
            return; // older than the last heartbeat, or than the reason (or its clearing) already known
        }
        rt.contactReason = Canonical.of(c.reason());
        rt.contactAtMs = at;
    }

    /** The broker receive time of the last heartbeat known, read here or named by a judgement; null: none. */
    static Long lastHeard(ComputerRuntime rt) {
        if (rt.lastHeartbeatMs == null || rt.livenessLastHeartbeatMs == null) {
            return rt.lastHeartbeatMs == null ? rt.livenessLastHeartbeatMs : rt.lastHeartbeatMs;
        }
        return Math.max(rt.lastHeartbeatMs, rt.livenessLastHeartbeatMs);
    }

    private static void forgetContactBefore(ComputerRuntime rt, long heardMs) {
        if (rt.contactReason != null && before(rt.contactAtMs, heardMs)) {
            rt.contactReason = null;
            rt.contactAtMs = null;
        }
    }

    private static boolean before(Long ms, Long other) {
        return ms != null && other != null && ms < other;
    }

    static void registration(ComputerRuntime rt, ComputerRegistration r) {
        rt.hostName = r.hostName();
        rt.registration = Canonical.of(r.state());
        rt.vmState = Canonical.of(r.vmState());
        rt.listeningPort = r.listeningPort();
    }

    private static String operationJson(HeartbeatReceived.OperationResult op, long atMs) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("operationID", op.operationID());
        json.put("type", op.type());
        json.put("status", op.status());
        json.put("reason", op.reason());
        json.put("reportedAt", atMs);
        return EventJson.toJson(json);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
