package io.vigil.alerts.engine;

/** Numbers the engine loop publishes for metrics, read from other threads. */
public final class EngineGauges {

    private volatile int tracked;
    private volatile long holdBackMillis = -1;
    private volatile long lag;

    void update(int trackedComputers, long holdBack) {
        tracked = trackedComputers;
        holdBackMillis = holdBack;
    }

    void lag(long records) {
        lag = records;
    }

    void clear() {
        tracked = 0;
        holdBackMillis = -1;
        lag = 0;
    }

    public int tracked() {
        return tracked;
    }

    /** How far judgement lags the clock (now minus the lowest watermark); -1 while a partition is still rebuilding. */
    public long holdBackMillis() {
        return holdBackMillis;
    }

    public long lag() {
        return lag;
    }
}
