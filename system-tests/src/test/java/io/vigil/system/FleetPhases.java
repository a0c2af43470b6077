package io.vigil.system;

import io.vigil.agent.ReferenceAgent;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The phases of a benchmark run (activation, steady window, ...), each with how late every agent's own heartbeat
 * timer fired at worst during it: an offline alert whose deadline falls in a phase in which its agent's timer fired an
 * interval or more late went to an agent whose load generator was starved, not to one the platform failed.
 */
final class FleetPhases {

    /** One phase: its name, when it ran, and each agent's worst timer lateness during it (by computer ID). */
    record Phase(String name, Instant from, Instant to, Map<Long, Duration> timerLateness) {

        boolean contains(Instant moment) {
            return !moment.isBefore(from) && moment.isBefore(to);
        }

        Duration lateness(long computerID) {
            return timerLateness.getOrDefault(computerID, Duration.ZERO);
        }

        Duration latest() {
            return timerLateness.values().stream().max(Duration::compareTo).orElse(Duration.ZERO);
        }
    }

    private final List<Phase> phases = new ArrayList<>();
    private String current;
    private Instant from;

    /**
     * The current phase, if any, ends now and the next starts: the phases cover the run without gaps, and the
     * agents' timer lateness counts afresh in each.
     */
    Optional<Phase> next(String name, Collection<ReferenceAgent> agents) {
        Optional<Phase> ended = current == null ? Optional.empty() : Optional.of(end(agents));
        agents.forEach(ReferenceAgent::resetTimerLateness);
        current = name;
        from = Instant.now();
        return ended;
    }

    /** The current phase ends now. */
    Phase end(Collection<ReferenceAgent> agents) {
        Map<Long, Duration> lateness = new HashMap<>();
        agents.stream().filter(a -> a.computerID() != null)
                .forEach(a -> lateness.put(a.computerID(), a.longestTimerLateness()));
        Phase phase = new Phase(current, from, Instant.now(), Map.copyOf(lateness));
        phases.add(phase);
        current = null;
        return phase;
    }

    /** The phase during which {@code moment} fell, if any. */
    Optional<Phase> at(Instant moment) {
        return phases.stream().filter(p -> p.contains(moment)).findFirst();
    }

    List<Phase> all() {
        return List.copyOf(phases);
    }
}
