package io.vigil.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Configuration of alert-service ({@code vigil.alerts.*}). */
@ConfigMapping(prefix = "vigil.alerts")
public interface AlertsConfig {

    /** Settings for computers without a {@code ComputerConfiguration} record (the contract's Base Policy defaults). */
    Defaults defaults();

    /** The deadline engine: the Kafka consumer that owns the missed-heartbeat and clock-change rules. */
    Engine engine();

    /** The transactional outbox relay. */
    OutboxSettings outbox();

    /** The platform-outage alert. */
    Outage outage();

    interface Defaults {
        /** Heartbeat interval I. */
        @WithDefault("600s")
        Duration heartbeatInterval();

        /** Missed-heartbeat threshold N; negative means Unlimited. */
        @WithDefault("2")
        int missedThreshold();
    }

    interface Engine {
        /** Whether this instance runs the deadline engine at start-up. */
        @WithDefault("true")
        boolean enabled();

        /** Consumer group of the engine; partitions of the co-partitioned topics are shared out within it. */
        @WithDefault("vigil-alert-service")
        String groupId();

        /** How long one poll waits for records; bounds how late a deadline is judged while caught up. */
        @WithDefault("100ms")
        Duration pollTimeout();

        /** How often the end offsets are fetched to advance the watermark. */
        @WithDefault("200ms")
        Duration watermarkRefresh();

        /** Subtracted from the watermark to allow for a broker clock behind this host's clock. */
        @WithDefault("0ms")
        Duration clockSkewMargin();

        /** How far back the heartbeat log is read to rebuild a newly assigned partition. */
        @WithDefault("24h")
        Duration rebuildLookback();

        /**
         * How long judgement may stay behind (rebuilding, lagging, Kafka unreachable) before the engine counts as not
         * judging: readiness DOWN and {@code vigil_alerts_engine_judging} 0. A failed engine counts at once.
         */
        @WithDefault("120s")
        Duration maxHoldBack();
    }

    interface OutboxSettings {
        /**
         * How often the relay looks for unsent events when it was not nudged (a transition stored here nudges it at
         * once; the poll finds what an instance that stopped left behind).
         */
        @WithDefault("1s")
        Duration pollInterval();
    }

    interface Outage {
        /** Share of all tracked computers that must first-miss within the window for a platform-outage. */
        @WithDefault("0.2")
        double share();

        /** The window in which the misses must fall. */
        @WithDefault("10s")
        Duration window();

        /** Below this fleet size no platform-outage is judged (a handful of computers is not a platform). */
        @WithDefault("50")
        long minComputers();

        /** Whether per-computer agent-offline alerts are still raised while a platform-outage is active. */
        @WithDefault("false")
        boolean perComputerAlerts();

        /**
         * How long the fleet-wide silent count must have reached no new low before an outage with at most half of its
         * peak still silent clears: a fleet still reconnecting keeps its held-back agent-offline alerts held.
         */
        @WithDefault("30s")
        Duration settle();

        /** How often each instance reports its counts and evaluates the fleet-wide picture. */
        @WithDefault("1s")
        Duration reportInterval();
    }
}
