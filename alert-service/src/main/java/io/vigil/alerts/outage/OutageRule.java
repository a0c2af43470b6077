package io.vigil.alerts.outage;

import java.time.Duration;

/**
 * The platform-outage rule over the whole fleet (all instances summed): raised when more than {@code share} of all
 * tracked computers first-missed a heartbeat within the window (and the fleet is not trivially small); cleared when
 * most of the computers silent at the peak have been heard from again (silent count at most half the peak, or at most
 * the share of the fleet) and the recovery has settled: the silent count has reached no new low for {@code settle}. A fleet comes back from a
 * platform-side outage gradually (a restarted gateway admits so many handshakes a second): when half of it is back,
 * the rest is usually still on its way.
 */
public final class OutageRule {

    /** What the fleet looks like now. */
    public record Fleet(long tracked, long silent, long recentFirstMisses) {
    }

    public enum Decision { RAISE, CLEAR, KEEP }

    private final double share;
    private final long minComputers;
    private final long settleMillis;

    public OutageRule(double share, long minComputers, Duration settle) {
        this.share = share;
        this.minComputers = minComputers;
        this.settleMillis = settle.toMillis();
    }

    /**
     * Whether the first misses seen by one instance already amount to an outage: more than the share of the computers
     * it tracks, in a fleet large enough to be judged.
     */
    public boolean looksLikeOutage(long fleetTracked, long localTracked, long localRecentFirstMisses) {
        return fleetTracked >= minComputers && localRecentFirstMisses > share * localTracked;
    }

    /**
     * @param active   whether a platform-outage alert is active
     * @param recovery the fleet's recovery while it is active, {@code fleet} already observed
     * @param now      the time of {@code fleet}, on the clock of {@code recovery}
     */
    public Decision decide(Fleet fleet, boolean active, Recovery recovery, long now) {
        if (!active) {
            boolean large = fleet.tracked() >= minComputers;
            return large && fleet.recentFirstMisses() > share * fleet.tracked() ? Decision.RAISE : Decision.KEEP;
        }
        // half of the peak, or no more than an outage's share of the fleet: the peak seen can be small (it is
        // counted at one moment, the misses that raised the outage over a window), and a few computers that really
        // went away must not keep it, and their held alerts, for good
        boolean mostBack = fleet.silent() * 2 <= recovery.peak() || fleet.silent() <= share * fleet.tracked();
        boolean settled = recovery.steadyFor(now) >= settleMillis;
        return mostBack && settled ? Decision.CLEAR : Decision.KEEP;
    }
}
