package io.vigil.siem.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.alert.AlertData;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.CloudEvent;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Generators of records for the forwarded topics, from well-formed to poisonous: hostile text (pipes, equals signs,
 * backslashes, line breaks, NUL and other control characters, unpaired surrogates, huge strings), extreme numbers and
 * times, unknown alert types and severities, unexpected CloudEvents types, missing members, wrong JSON types, garbage.
 */
final class HostileRecords {

    /** A record's topic and value. */
    record Spec(String topic, byte[] value) {
        @Override
        public String toString() {
            String text = value == null ? "null" : new String(value, StandardCharsets.UTF_8);
            return topic + " " + (text.length() > 300 ? text.substring(0, 300) + "...(" + text.length() + ")" : text);
        }
    }

    private HostileRecords() {
    }

    static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("|=\\\n\r\t\u0000\u0085\u2028 aZ").ofMaxLength(30),
                Arbitraries.of("", " ", "a|b", "k=v", "\\", "\r\n", "\r", "\n", "x\u0000y", "\uD800", "é漢字",
                        " act=cleared", "CEF:0|x|y"),
                Arbitraries.strings().withChars("ab|=\\\n").ofMinLength(3_000).ofMaxLength(60_000))
                .injectNull(0.1);
    }

    static Arbitrary<Instant> times() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(Instant.MIN.getEpochSecond(), Instant.MAX.getEpochSecond())
                        .map(Instant::ofEpochSecond),
                Arbitraries.of(Instant.MIN, Instant.MAX, Instant.EPOCH, Instant.parse("2026-11-25T10:00:00.123Z")))
                .injectNull(0.1);
    }

    private static Arbitrary<Long> longs() {
        return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.of(0L, -1L, Long.MIN_VALUE, Long.MAX_VALUE, 42L));
    }

    private static Arbitrary<Integer> ints() {
        return Arbitraries.oneOf(Arbitraries.integers(), Arbitraries.of(0, -1, 5004, 65_535, 65_536,
                Integer.MIN_VALUE, Integer.MAX_VALUE));
    }

    static Arbitrary<JsonNode> json() {
        return Arbitraries.oneOf(
                text().map(t -> JsonNodeFactory.instance.textNode(t)),
                Combinators.combine(text(), text(), longs()).as((k, v, n) -> {
                    ObjectNode node = JsonNodeFactory.instance.objectNode();
                    node.put(k == null ? "" : k, v).put("n", n).putArray("list").add(v).addNull();
                    return (JsonNode) node;
                }),
                Arbitraries.just(JsonNodeFactory.instance.objectNode()),
                Arbitraries.just(JsonNodeFactory.instance.nullNode())).injectNull(0.2);
    }

    private static Arbitrary<String> alertTypes() {
        return Arbitraries.oneOf(Arbitraries.of("clock-change", "agent-offline", "platform-outage", "disk-full",
                "CLOCK-CHANGE"), text());
    }

    private static Arbitrary<String> severities() {
        return Arbitraries.oneOf(Arbitraries.of("info", "warning", "critical", "Critical", "fatal", ""), text());
    }

    private static Arbitrary<String> types(String... right) {
        return Arbitraries.oneOf(Arbitraries.of(right), Arbitraries.of(right), Arbitraries.of(EventTypes.AUDIT,
                EventTypes.AGENT_EVENT, EventTypes.ALERT_RAISED, "vigil.alert.raised", "vigil.alert..v1"), text());
    }

    private static <T> Arbitrary<byte[]> event(Arbitrary<String> types, Arbitrary<T> data) {
        return Combinators.combine(text(), types, times(), text(), data)
                .as((id, type, time, subject, d) -> EventJson.toBytes(new CloudEvent<>(id, "/vigil/test", type,
                        "1.0", time, subject, null, "application/json", d)));
    }

    private record AlertHead(long id, String type, String name, String severity, Long computer, String host,
                             Instant at, int occurrences) {
    }

    static Arbitrary<AlertData> alerts() {
        Arbitrary<AlertHead> head = Combinators.combine(longs(), alertTypes(), text(), severities(),
                longs().injectNull(0.3), text(), times(), ints()).as(AlertHead::new);
        return Combinators.combine(head, text(), json()).as((h, description, details) -> new AlertData(h.id(),
                h.type(), h.name(), h.severity(), h.computer(), h.host(), h.at(), h.at(), h.occurrences(), "active",
                true, description, details));
    }

    static Arbitrary<AgentEvent> agentEvents() {
        return Combinators.combine(longs(), text(), ints(), text(), text(), json()).as(AgentEvent::new);
    }

    static Arbitrary<AuditRecord> audits() {
        return Combinators.combine(text(), text(), text(), text(), times(), json(), json(), text())
                .as(AuditRecord::new);
    }

    /** Typed events with hostile members, on their own topic. */
    static Arbitrary<Spec> events() {
        return Arbitraries.oneOf(
                event(types(EventTypes.ALERT_RAISED, EventTypes.ALERT_UPDATED, EventTypes.ALERT_CLEARED,
                        EventTypes.ALERT_DISMISSED), alerts()).map(v -> new Spec(Topics.ALERTS, v)),
                event(types(EventTypes.AGENT_EVENT), agentEvents()).map(v -> new Spec(Topics.AGENT_EVENTS, v)),
                event(types(EventTypes.AUDIT), audits()).map(v -> new Spec(Topics.AUDIT, v)));
    }

    /** Anything at all: typed events, a member given the wrong JSON type, broken JSON, raw bytes, no value. */
    static Arbitrary<Spec> anything() {
        Arbitrary<String> topics = Arbitraries.of(Topics.ALERTS, Topics.AGENT_EVENTS, Topics.AUDIT);
        return Arbitraries.oneOf(
                events(),
                Combinators.combine(events(), Arbitraries.of("\"ID\"", "\"eventID\"", "\"occurrences\"", "\"time\"",
                                "\"data\"", "\"computerID\"", "\"at\"", "\"severity\""),
                        Arbitraries.of("\"x\"", "1e400", "-99999999999999999999999", "[]", "{}", "true", "null",
                                "\"\\u0000\"", "12.5"))
                        .as((spec, member, wrong) -> new Spec(spec.topic(), new String(spec.value(),
                                StandardCharsets.UTF_8).replaceFirst(java.util.regex.Pattern.quote(member)
                                + ":(\"[^\"]*\"|[^,}\\]]*)", java.util.regex.Matcher.quoteReplacement(member + ":"
                                + wrong)).getBytes(StandardCharsets.UTF_8))),
                Combinators.combine(events(), Arbitraries.integers().between(0, 200))
                        .as((spec, cut) -> new Spec(spec.topic(), java.util.Arrays.copyOf(spec.value(),
                                Math.min(cut, spec.value().length)))),
                Combinators.combine(topics, Arbitraries.bytes().array(byte[].class).ofMaxSize(64)).as(Spec::new),
                Combinators.combine(topics, Arbitraries.of("{}", "[]", "null", "\"\"", "{\"id\":\"1\"}",
                        "{\"id\":\"1\",\"type\":\"vigil.alert.raised.v1\"}", "{\"id\":1,\"type\":[],\"data\":{}}"))
                        .as((t, v) -> new Spec(t, v.getBytes(StandardCharsets.UTF_8))),
                topics.map(t -> new Spec(t, null)));
    }
}
