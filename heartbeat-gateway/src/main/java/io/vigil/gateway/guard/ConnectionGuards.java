package io.vigil.gateway.guard;

import io.micrometer.core.instrument.Counter;

/**
 * What every agent-port connection is held to from its accept on: the per-address count of connections without a
 * client certificate (and the counter of those refused beyond it), and the request deadlines.
 */
record ConnectionGuards(UnauthenticatedConnections unauthenticated, Counter refused,
                        RequestDeadlines.Settings deadlines) {
}
