package io.vigil.alerts.liveness;

/**
 * The settings of one computer that the liveness and clock-change rules use.
 *
 * @param intervalSeconds             heartbeat interval I
 * @param missedThreshold             N, or {@link #UNLIMITED}
 * @param clockThresholdSeconds       clock-change threshold, or {@link #UNLIMITED}
 * @param inactiveVmOfflineAlerts     whether a stopped VM still gets offline alerts
 */
public record LivenessSettings(int intervalSeconds, int missedThreshold, int clockThresholdSeconds,
                               boolean inactiveVmOfflineAlerts) {

    public static final int UNLIMITED = -1;

    /** The largest missed-heartbeat threshold kept as such (larger ones are held here; the contract's is 100). */
    public static final int MAX_THRESHOLD = Short.MAX_VALUE - 1;

    /** The contract's Base Policy defaults: 10 minutes, N=2, clock Unlimited, no inactive-VM alerts. */
    public static final LivenessSettings CONTRACT_DEFAULTS = new LivenessSettings(600, 2, UNLIMITED, false);

    public LivenessSettings {
        if (intervalSeconds < 1) {
            throw new IllegalArgumentException("interval must be at least 1 second");
        }
        if (missedThreshold < UNLIMITED || clockThresholdSeconds < UNLIMITED) {
            throw new IllegalArgumentException("thresholds are >= 0 or UNLIMITED");
        }
        if (missedThreshold > MAX_THRESHOLD) {
            throw new IllegalArgumentException("missed-heartbeat threshold above " + MAX_THRESHOLD);
        }
    }

    /** From the nullable event fields (null threshold = Unlimited); oversized values are held at their maximum. */
    public static LivenessSettings of(long intervalSeconds, Integer missedThreshold, Long clockThresholdSeconds,
                                      boolean inactiveVmOfflineAlerts) {
        return new LivenessSettings((int) Math.min(Math.max(intervalSeconds, 1), Integer.MAX_VALUE),
                missedThreshold == null ? UNLIMITED : Math.min(missedThreshold, MAX_THRESHOLD),
                clockThresholdSeconds == null ? UNLIMITED : (int) Math.min(clockThresholdSeconds, Integer.MAX_VALUE),
                inactiveVmOfflineAlerts);
    }
}
