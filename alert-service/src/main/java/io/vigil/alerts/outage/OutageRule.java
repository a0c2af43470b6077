package io.vigil.alerts.outage;

/**
 * The platform-outage rule over the whole fleet (all instances summed): raised when more than {@code share} of all
 * tracked computers first-missed a heartbeat within the window (and the fleet is not trivially small); cleared when
 * most of the computers silent at the peak have been heard from again (silent count at most half the peak).
 */
public final class OutageRule {

    /** What the fleet looks like now. */
    public record Fleet(long tracked, long silent, long recentFirstMisses) {
    }

    public enum Decision { RAISE, CLEAR, KEEP }

    private final double share;
    private final long minComputers;

    public OutageRule(double share, long minComputers) {
        this.share = share;
        this.minComputers = minComputers;
    }

    /**
     * Whether the first misses seen by one instance already amount to an outage: more than the share of the computers
     * it tracks, in a fleet large enough to be judged.
     */
    public boolean looksLikeOutage(long fleetTracked, long localTracked, long localRecentFirstMisses) {
        return fleetTracked >= minComputers && localRecentFirstMisses > share * localTracked;
    }

    /**
     * @param active      whether a platform-outage alert is active
     * @param peakSilent  the largest silent count seen while it was active
     */
    public Decision decide(Fleet fleet, boolean active, long peakSilent) {
        if (!active) {
            boolean large = fleet.tracked() >= minComputers;
            return large && fleet.recentFirstMisses() > share * fleet.tracked() ? Decision.RAISE : Decision.KEEP;
        }
        return fleet.silent() * 2 <= peakSilent ? Decision.CLEAR : Decision.KEEP;
    }
}
