package io.vigil.events.liveness;

import java.time.Instant;

/**
 * Internal topic {@code vigil.internal.liveness}, keyed by computer: alert-service's judgement of missed heartbeats.
 * alert-service owns the deadline arithmetic; agent-registry derives the computer status from these events.
 *
 * @param missedHeartbeats consecutive missed heartbeats at {@code judgedAt} (0 when heard from again)
 * @param offline          whether the computer is now considered offline
 * @param lastHeartbeatAt  broker receive time of the latest heartbeat
 */
public record LivenessChanged(long computerID, int missedHeartbeats, boolean offline, Instant lastHeartbeatAt,
                              Instant judgedAt) {
}
