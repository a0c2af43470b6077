package io.vigil.agent;

import java.time.Duration;
import java.time.Instant;

/**
 * One heartbeat as the agent saw it.
 *
 * @param sentAt    the agent's wall clock when it sent it
 * @param roundTrip until it ended, null while unanswered
 * @param status    the HTTP status of the answer; 0 when it failed without one or is still unanswered
 */
public record SentHeartbeat(Instant sentAt, Duration roundTrip, int status) {
}
