package io.vigil.gateway.guard;

import io.micrometer.core.instrument.Counter;

import java.time.Duration;

/**
 * What every agent-port connection is held to from its accept on: the per-address places for connections without a
 * client certificate, how long a connection may wait for one (and the counters of those that waited and of those
 * refused), and the request deadlines.
 */
record ConnectionGuards(UnauthenticatedConnections unauthenticated, Duration placeWait, Counter waited, Counter refused,
                        RequestDeadlines.Settings deadlines) {
}
