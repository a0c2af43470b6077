package io.vigil.gateway.guard;

import java.time.Duration;

/**
 * How many heartbeats one computer may send over which window: {@code perInterval} per heartbeat interval on average,
 * counted over at least {@code minimumWindow}. An interval shorter than the minimum window is counted over as many
 * whole intervals as fill it, with as many times the heartbeats: a 1-second interval and 5 per interval allow 50 over
 * 10 s. So an agent keeping to any interval the settings allow (1 second to 24 hours) is never refused, and a flood
 * is refused once it has sent that many more than its interval asks for.
 *
 * @param count  heartbeats admitted over the window (the bucket's size)
 * @param window the window they are counted over (refilled evenly)
 */
public record HeartbeatAllowance(int count, Duration window) {

    /**
     * @param intervalSeconds the computer's heartbeat interval (at least 1 s is assumed)
     * @param perInterval     heartbeats per interval ({@code vigil.gateway.guard.heartbeats-per-interval})
     * @param minimumWindow   the shortest window counted over ({@code heartbeat-window-minimum})
     */
    public static HeartbeatAllowance of(long intervalSeconds, int perInterval, Duration minimumWindow) {
        Duration interval = Duration.ofSeconds(Math.max(1, intervalSeconds));
        if (interval.compareTo(minimumWindow) >= 0) {
            return new HeartbeatAllowance(perInterval, interval);
        }
        long intervals = Math.ceilDiv(minimumWindow.toNanos(), interval.toNanos());
        return new HeartbeatAllowance(Math.toIntExact(Math.min(Integer.MAX_VALUE, perInterval * intervals)),
                interval.multipliedBy(intervals));
    }
}
