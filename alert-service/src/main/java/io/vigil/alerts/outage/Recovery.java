package io.vigil.alerts.outage;

/**
 * How the fleet is coming back from a platform-outage, as the outage rule needs it: the largest silent count seen (the
 * peak), the lowest count since that peak and when the count last reached a new low. A fleet that reconnects
 * gradually (agents retrying, a gateway admitting a limited number of handshakes a second) keeps reaching new lows;
 * once it stops, the recovery has settled. A new peak starts the recovery over: the fleet was still falling silent.
 *
 * @param peak     the largest silent count since the outage was raised or first seen active
 * @param lowest   the lowest silent count since the peak
 * @param lowestAt when the silent count reached {@code lowest} (or the peak), in the caller's milliseconds
 */
public record Recovery(long peak, long lowest, long lowestAt) {

    /** The recovery of an outage seen with {@code silent} computers silent at {@code at}. */
    public static Recovery startingAt(long silent, long at) {
        return new Recovery(silent, silent, at);
    }

    /** This recovery after the fleet reported {@code silent} computers silent at {@code at}. */
    public Recovery observed(long silent, long at) {
        if (silent > peak) {
            return startingAt(silent, at);
        }
        if (silent < lowest) {
            return new Recovery(peak, silent, at);
        }
        return this;
    }

    /** How long the silent count has reached no new low, at {@code now}. */
    public long steadyFor(long now) {
        return now - lowestAt;
    }
}
