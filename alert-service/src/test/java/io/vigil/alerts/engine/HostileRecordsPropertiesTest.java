package io.vigil.alerts.engine;

import io.vigil.alerts.liveness.LivenessSettings;
import io.vigil.alerts.liveness.LivenessTracker;
import io.vigil.alerts.liveness.Outcome;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.heartbeat.HeartbeatReceived;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.vigil.alerts.engine.HostileRecordsTest.configuration;
import static io.vigil.alerts.engine.HostileRecordsTest.heartbeat;
import static io.vigil.alerts.engine.HostileRecordsTest.record;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated extreme and odd records through every rule of the engine (missed heartbeat, clock change by comparison
 * and by event 5004, settings, VM state, deactivation): no exception ever escapes the router or the judgement, and a
 * well-behaved computer beside them is still alerted at its deadline.
 */
class HostileRecordsPropertiesTest {

    private static final long WITNESS = 999;

    @Property(tries = 300)
    void noRecordStopsTheJudging(@ForAll("records") @Size(max = 12) List<ConsumerRecordSpec> records,
                                 @ForAll("times") long judgeAt) {
        HostileRecordsTest.Recording sink = new HostileRecordsTest.Recording();
        RecordRouter router = new RecordRouter(sink);
        LivenessTracker tracker = new LivenessTracker(LivenessSettings.CONTRACT_DEFAULTS);
        List<Outcome> out = new ArrayList<>();
        long t0 = HostileRecordsTest.T0;
        router.route(record(Topics.COMPUTER_CONFIG, WITNESS, t0, configuration(WITNESS, 2, 1, null)), tracker, out);
        router.route(record(Topics.HEARTBEATS, WITNESS, t0, heartbeat(WITNESS, "2026-12-06T10:00:00Z", List.of())),
                tracker, out);
        for (ConsumerRecordSpec spec : records) {
            router.route(record(spec.topic(), spec.id(), spec.timestamp(), spec.value()), tracker, out);
        }
        tracker.judge(judgeAt, out);
        List<Outcome> judged = new ArrayList<>();
        tracker.judge(t0 + 4_200, judged);
        tracker.judge(Long.MAX_VALUE - 1, judged);
        assertThat(out).doesNotContainNull();
        if (judgeAt < t0 + 4_200) {
            assertThat(judged).filteredOn(o -> o instanceof Outcome.OfflineAlert && o.computerID() == WITNESS)
                    .singleElement().extracting(o -> ((Outcome.OfflineAlert) o).deadline()).isEqualTo(t0 + 4_200);
        }
    }

    record ConsumerRecordSpec(String topic, long id, long timestamp, byte[] value) {
    }

    @Provide
    Arbitrary<Long> times() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE - 1, 0L, -1L),
                Arbitraries.longs().between(HostileRecordsTest.T0 - 100_000, HostileRecordsTest.T0 + 100_000));
    }

    @Provide
    Arbitrary<List<ConsumerRecordSpec>> records() {
        return Arbitraries.oneOf(heartbeats(), configurations(), registrations(), garbage()).list();
    }

    private Arbitrary<Long> ids() {
        return Arbitraries.oneOf(Arbitraries.longs().between(1, 5), Arbitraries.of(0L, -1L, Long.MAX_VALUE,
                Long.MIN_VALUE));
    }

    private static Arbitrary<String> agentTimes() {
        return Arbitraries.oneOf(Arbitraries.of("+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z",
                        "+999999999-12-31T23:59:59.999999999-18:00", "1970-01-01T00:00:00Z", "",
                        "2026-13-45T99:99:99Z", "2026-12-06T10:00:00.123456789+14:00", "not a time"),
                Arbitraries.longs().between(-31_556_889_864_403_199L, 31_556_889_864_403_199L)
                        .map(s -> Instant.ofEpochSecond(s).toString()),
                Arbitraries.strings().ofMaxLength(40)).injectNull(0.05);
    }

    private static Arbitrary<Long> extremeLongs() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L,
                Long.MIN_VALUE / 1000, Long.MAX_VALUE / 1000 + 1));
    }

    private Arbitrary<ConsumerRecordSpec> heartbeats() {
        Arbitrary<HeartbeatReceived.ClockChange> change = Combinators.combine(agentTimes(), extremeLongs(),
                agentTimes()).as(HeartbeatReceived.ClockChange::new);
        return Combinators.combine(ids(), times(), agentTimes(), change.list().ofMaxSize(4))
                .as((id, at, agentTime, changes) -> new ConsumerRecordSpec(Topics.HEARTBEATS, id, at,
                        heartbeat(id, agentTime, changes)));
    }

    private Arbitrary<ConsumerRecordSpec> configurations() {
        return Combinators.combine(ids(), times(), extremeLongs(),
                        Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(-1, 0, 100, Integer.MAX_VALUE))
                                .injectNull(0.2),
                        extremeLongs().injectNull(0.3))
                .as((id, at, interval, threshold, clock) -> new ConsumerRecordSpec(Topics.COMPUTER_CONFIG, id, at,
                        configuration(id, interval, threshold, clock)));
    }

    private Arbitrary<ConsumerRecordSpec> registrations() {
        return Combinators.combine(ids(), times(), Arbitraries.of("running", "stopped", null, "odd"),
                        Arbitraries.of(ComputerRegistration.ACTIVATED, "deactivated", null))
                .as((id, at, vm, state) -> new ConsumerRecordSpec(Topics.COMPUTERS, id, at, EventJson.toBytes(
                        CloudEvents.create("/test", EventTypes.COMPUTER_REGISTERED, Long.toString(id),
                                new ComputerRegistration(id, "h", "Linux", "1", "1", "physical", 1, "10.0.0.1", 1,
                                        vm, state, "01", null, Instant.EPOCH)))));
    }

    private Arbitrary<ConsumerRecordSpec> garbage() {
        return Combinators.combine(Arbitraries.of(Topics.HEARTBEATS, Topics.COMPUTER_CONFIG, Topics.COMPUTERS),
                        ids(), times(), Arbitraries.bytes().array(byte[].class).ofMaxSize(64).injectNull(0.2))
                .as(ConsumerRecordSpec::new);
    }
}
