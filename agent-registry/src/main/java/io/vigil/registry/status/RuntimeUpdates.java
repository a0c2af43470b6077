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
        List<HeartbeatReceived.OperationResult> results = hb.operationResults();
        if (results != null && !results.isEmpty()) {
            rt.lastOperation = operationJson(results.getLast(), receivedMs);
        }
        if (rt.livenessLastHeartbeatMs == null || receivedMs > rt.livenessLastHeartbeatMs) {
            rt.offline = false;
            rt.missedHeartbeats = 0;
            rt.contactReason = null;
            rt.contactAtMs = null;
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
        if (!l.offline() && l.missedHeartbeats() == 0) {
            rt.contactReason = null;
            rt.contactAtMs = null;
        } else if (l.offline() && l.reason() != null) {
            // alert-service holds this computer's own alert back (platform-outage): that is why it is offline
            rt.contactReason = Canonical.of(l.reason());
            rt.contactAtMs = millis(l.judgedAt());
        }
    }

    static void contact(ComputerRuntime rt, ContactFailed c) {
        Long at = millis(c.at());
        if (at != null && rt.lastHeartbeatMs != null && at < rt.lastHeartbeatMs) {
            return;
        }
        rt.contactReason = Canonical.of(c.reason());
        rt.contactAtMs = at;
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
