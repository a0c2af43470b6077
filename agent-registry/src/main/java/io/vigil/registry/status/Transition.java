package io.vigil.registry.status;

import io.vigil.events.status.ComputerStatusChanged;

/**
 * A status transition to publish on {@code vigil.computer-status}. The event id is derived from the input record that
 * caused it, so a transition re-derived after a crash is republished with the same id.
 */
public record Transition(String eventId, ComputerStatusChanged data) {
}
