package io.vigil.registry.status;

/** What the status engine reports about itself; the service binds it to Micrometer, the benchmark counts. */
public interface EngineMetrics {

    void consumed(String topic, int records);

    void flushed(int computers, int transitions, long nanos);

    void lag(String topic, long records);

    void deadLettered(String topic);

    /** A computer's status row the database refused (left out of a flush; the others were written). */
    default void rowRefused() {
    }

    EngineMetrics NONE = new EngineMetrics() {
        @Override
        public void consumed(String topic, int records) {
        }

        @Override
        public void flushed(int computers, int transitions, long nanos) {
        }

        @Override
        public void lag(String topic, long records) {
        }

        @Override
        public void deadLettered(String topic) {
        }
    };
}
