package io.vigil.events.liveness;

import java.time.Instant;

/**
 * Internal topic {@code vigil.internal.liveness}, keyed by computer: alert-service's judgement of missed heartbeats.
 * alert-service owns the deadline arithmetic; agent-registry derives the computer status from these events.
 *
 * @param missedHeartbeats consecutive missed heartbeats at {@code judgedAt} (0 when heard from again)
 * @param offline          whether the computer is now considered offline
 * @param lastHeartbeatAt  broker receive time of the latest heartbeat
 * @param reason           why an offline computer has no {@code agent-offline} alert of its own yet, or null;
 *                         {@value #PLATFORM_OUTAGE}: held back by an active platform-outage (added in 1.1; older
 *                         events have none)
 */
public record LivenessChanged(long computerID, int missedHeartbeats, boolean offline, Instant lastHeartbeatAt,
                              Instant judgedAt, String reason) {

    /** The offline computer's alert is held back while a platform-outage is active. */
    public static final String PLATFORM_OUTAGE = "platform-outage";

    public LivenessChanged(long computerID, int missedHeartbeats, boolean offline, Instant lastHeartbeatAt,
                           Instant judgedAt) {
        this(computerID, missedHeartbeats, offline, lastHeartbeatAt, judgedAt, null);
    }
}
