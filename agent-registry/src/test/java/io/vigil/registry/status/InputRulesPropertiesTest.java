package io.vigil.registry.status;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.events.computer.ComputerRegistration;
import io.vigil.events.config.ComputerConfiguration;
import io.vigil.events.contact.ContactFailed;
import io.vigil.events.heartbeat.HeartbeatReceived;
import io.vigil.events.liveness.LivenessChanged;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Generated extreme and odd records of every topic the status engine reads: judging one never throws; a record the
 * rules admit is applied without an exception, leaves only storable text and times in 1970..2199 in the computer's
 * stored form, and its transition serialises; and through JSON, decoding either reads a record or refuses it as
 * malformed.
 */
class InputRulesPropertiesTest {

    static final long ID = 7;

    @Property(tries = 400)
    void noRecordThrowsAndWhatIsAdmittedIsStorable(@ForAll("inputs") @Size(max = 10) List<Timed> inputs) {
        StatusProcessor processor = new StatusProcessor();
        processor.apply(new Position(Topics.COMPUTERS, 0), 0, 1_000, new Input.Registration(ID,
                new ComputerRegistration(ID, "web-01", "Linux", "20", "20", "physical", 1, "10.0.0.1", 4118, "running",
                        "activated", "01", null, Instant.EPOCH)));
        long offset = 1;
        for (Timed timed : inputs) {
            String[] refusal = new String[1];
            assertThatCode(() -> refusal[0] = InputRules.refusal(timed.input(), timed.timestampMs()))
                    .doesNotThrowAnyException();
            if (refusal[0] != null) {
                assertThat(Verdict.storable(refusal[0])).as(refusal[0]).isTrue();
                continue;
            }
            long at = offset++;
            assertThatCode(() -> processor.apply(new Position(Topics.HEARTBEATS, 0), at, timed.timestampMs(),
                    timed.input())).as("%s", timed).doesNotThrowAnyException();
        }
        StatusProcessor.Flush flush = processor.drain();
        for (ComputerRuntime rt : flush.changed()) {
            for (Object value : rt.snapshot()) {
                if (value instanceof String s) {
                    assertThat(Verdict.storable(s)).as(s).isTrue();
                }
            }
            for (Long ms : new Long[]{rt.lastHeartbeatMs, rt.contactAtMs, rt.livenessLastHeartbeatMs,
                rt.statusSinceMs}) {
                assertThat(ms == null || (ms >= Verdict.EARLIEST_MS && ms <= Verdict.LATEST_MS)).as("%s", ms).isTrue();
            }
        }
        flush.transitions().forEach(t -> assertThatCode(() -> EventJson.toBytes(CloudEvents.create("/test",
                EventTypes.COMPUTER_STATUS_CHANGED, "7", t.data()))).doesNotThrowAnyException());
    }

    @Property(tries = 300)
    void decodingReadsOrRefusesAsMalformed(@ForAll("inputs") @Size(min = 1, max = 1) List<Timed> inputs,
                                           @ForAll("keys") String key) {
        Input input = inputs.getFirst().input();
        String topic = topic(input);
        Object data = data(input);
        byte[] value;
        try {
            value = data == null ? null : EventJson.toBytes(CloudEvents.create("/test", "t", "7", data));
        } catch (RuntimeException unwritable) {
            return; // e.g. an unpaired surrogate: no producer can write this record as JSON
        }
        try {
            Input decoded = InputDecoder.decode(topic, key, value, inputs.getFirst().timestampMs());
            assertThatCode(() -> {
                if (decoded != null) {
                    InputRules.refusal(decoded, inputs.getFirst().timestampMs());
                }
            }).doesNotThrowAnyException();
        } catch (EventJson.MalformedEventException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    record Timed(Input input, long timestampMs) {
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.of("7", "0", "-1", "999999999999999999", "9999999999999999999", "", "x7", "7\u0000");
    }

    @Provide
    Arbitrary<List<Timed>> inputs() {
        Arbitrary<Input> input = Arbitraries.oneOf(heartbeats(), liveness(), contacts(), configs(), registrations());
        return Combinators.combine(input, millis()).as((in, ms) -> new Timed(in instanceof Input.Heartbeat h
                ? new Input.Heartbeat(h.computerID(), ms, h.data()) : in, ms)).list();
    }

    static Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of("", "Online", "Offline", "activated", "deactivated", "running",
                        "stopped", "applied", "failed", "timeout", "platform-outage", "a\u0000b", "\ud800", "x\udc00",
                        "\ud83d\ude00", "h".repeat(254), "h".repeat(100_000), "sha256:" + "a".repeat(64),
                        "sha256:" + "A".repeat(64), "TLSv1.3", "\u0001\u007f", "-"),
                Arbitraries.strings().ofMaxLength(80), Arbitraries.just(null));
    }

    static Arbitrary<Instant> instants() {
        return Arbitraries.oneOf(Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.EPOCH.minusMillis(1),
                        Instant.parse("+999999999-12-31T23:59:59Z"), Instant.ofEpochMilli(Verdict.LATEST_MS),
                        Instant.ofEpochMilli(Verdict.LATEST_MS + 1), Instant.parse("2026-12-06T10:00:00.123456789Z")),
                Arbitraries.longs().between(-10_000_000_000_000L, 10_000_000_000_000L).map(Instant::ofEpochMilli),
                Arbitraries.just(null));
    }

    static Arbitrary<Long> millis() {
        return Arbitraries.oneOf(Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, Verdict.LATEST_MS,
                Verdict.LATEST_MS + 1), Arbitraries.longs().between(0, 2_000_000_000_000L), Arbitraries.longs());
    }

    static Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, -1L, 0L, ID, Verdict.MAX_SAFE_INTEGER,
                Verdict.MAX_SAFE_INTEGER + 1), Arbitraries.longs());
    }

    static Arbitrary<Integer> ints() {
        return Arbitraries.oneOf(Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1, 4118, 65_535, 65_536),
                Arbitraries.integers());
    }

    static Arbitrary<Input> heartbeats() {
        Arbitrary<Map<String, Long>> counters = Arbitraries.maps(texts().filter(t -> t != null), longs())
                .ofMaxSize(3).injectNull(0.2).map(m -> m == null ? null : new HashMap<>(m));
        Arbitrary<HeartbeatReceived.OperationResult> op = Combinators.combine(longs(), texts(), texts(), texts())
                .as(HeartbeatReceived.OperationResult::new);
        Arbitrary<HeartbeatReceived> hb = Combinators.combine(Arbitraries.of(ID, 8L), texts(), texts(), texts(),
                        counters, texts(), texts(), ints().injectNull(0.2))
                .as((id, version, driver, fp, c, ip, tls, port) -> new HeartbeatReceived(id, Instant.EPOCH, "x",
                        version, driver, fp, c, ip, tls, tls, 1L, port, List.of(), null, false));
        return Combinators.combine(hb, op.list().ofMaxSize(2).injectNull(0.2))
                .as((h, ops) -> new Input.Heartbeat(ID, 0, withOperations(h, ops)));
    }

    static HeartbeatReceived withOperations(HeartbeatReceived h, List<HeartbeatReceived.OperationResult> ops) {
        return new HeartbeatReceived(h.computerID(), h.receivedAt(), h.agentTime(), h.agentVersion(), h.driverStatus(),
                h.configFingerprint(), h.counters(), h.remoteAddress(), h.tlsProtocol(), h.tlsCipherSuite(),
                h.uptimeMillis(), h.listeningPort(), h.clockChanges(), ops, h.viaPoll());
    }

    static Arbitrary<Input> liveness() {
        return Combinators.combine(ints(), Arbitraries.of(true, false), instants(), instants(), texts())
                .as((missed, offline, last, judged, reason) -> new Input.Liveness(ID,
                        new LivenessChanged(ID, missed, offline, last, judged, reason)));
    }

    static Arbitrary<Input> contacts() {
        return Combinators.combine(texts(), texts(), instants())
                .as((operation, reason, at) -> new Input.Contact(ID, new ContactFailed(ID, operation, reason, "d",
                        at)));
    }

    static Arbitrary<Input> configs() {
        return texts().map(fp -> new Input.Config(ID, new ComputerConfiguration(ID, 1, Map.of(), null, fp, 60, 2,
                null, false, Instant.EPOCH))).injectNull(0.1).map(c -> c == null ? new Input.Config(ID, null) : c);
    }

    static Arbitrary<Input> registrations() {
        return Combinators.combine(texts(), texts(), texts(), ints())
                .as((host, state, vm, port) -> new Input.Registration(ID, new ComputerRegistration(ID, host, "Linux",
                        "20", "20", "physical", 1, "10.0.0.1", port, vm, state, "01", null, Instant.EPOCH)));
    }

    static String topic(Input input) {
        return switch (input) {
            case Input.Heartbeat h -> Topics.HEARTBEATS;
            case Input.Liveness l -> Topics.LIVENESS;
            case Input.Contact c -> Topics.CONTACT_FAILURES;
            case Input.Config c -> Topics.COMPUTER_CONFIG;
            case Input.Registration r -> Topics.COMPUTERS;
        };
    }

    static Object data(Input input) {
        return switch (input) {
            case Input.Heartbeat h -> h.data();
            case Input.Liveness l -> l.data();
            case Input.Contact c -> c.data();
            case Input.Config c -> c.data();
            case Input.Registration r -> r.data();
        };
    }
}
