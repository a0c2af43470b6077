package io.vigil.siem.forward;

import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.alert.AlertData;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.siem.format.ComputerLookup;
import io.vigil.siem.format.EventFormatter;
import io.vigil.siem.format.Outbound;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile text in every field a user or an agent controls comes out of the record-to-CEF mapping as one well-formed
 * CEF line (read back by a strict parser) that carries the text itself: a header field keeps its pipes and
 * backslashes escaped, an extension value its equals signs, backslashes and line breaks; other control characters
 * become spaces; short fields are cut at 255 characters and {@code msg} at 2,000, each ending in {@code ...}.
 */
class CefMappingPropertiesTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00.123Z");
    private static final EventFormatter FORMATTER = new EventFormatter("1.0",
            id -> new ComputerLookup.Computer(null, "10.0.0.1"));

    record Texts(String id, String name, String host, String description) {
    }

    @Property(tries = 500)
    void alertTextSurvivesTheMapping(@ForAll("texts") Texts t, @ForAll("alertTypes") String type) {
        Outbound out = FORMATTER.format(Topics.ALERTS, EventJson.toBytes(CloudEvents.create(t.id(), "/vigil/test",
                EventTypes.ALERT_CLEARED, "42", new AlertData(5, type, t.name(), "warning", 42L, t.host(), T, T, 1,
                        "cleared", false, t.description(), null), T)));

        CefLineParser.Parsed cef = CefLineParser.parse(out.cef());
        assertThat(cef.header()).hasSize(6);
        assertThat(cef.header().subList(0, 3)).containsExactly("Vigil", "Vigil Manager", "1.0");
        assertThat(cef.header().get(3)).matches("[0-9]+");
        if (t.name() != null && !t.name().isBlank()) {
            assertThat(cef.header().get(4)).isEqualTo(header(cut(t.name(), 255)));
        }
        assertThat(cef.header().get(5)).isEqualTo("6");
        assertThat(cef.extensions()).containsEntry("externalId", extension(cut(t.id(), 255)))
                .containsEntry("act", "cleared").containsEntry("cs1", "42").containsEntry("dvc", "10.0.0.1");
        if (t.host() != null) {
            assertThat(cef.extensions()).containsEntry("dvchost", extension(cut(t.host(), 255)));
        }
        String text = t.description() != null ? t.description() : t.name();
        if (text != null) {
            assertThat(cef.extensions()).containsEntry("msg", extension(cut(text, 2000)));
        }
    }

    @Property(tries = 500)
    void agentEventTextSurvivesTheMapping(@ForAll("texts") Texts t, @ForAll("agentTimes") String agentTime) {
        Outbound out = FORMATTER.format(Topics.AGENT_EVENTS, EventJson.toBytes(CloudEvents.create(t.id(),
                "/vigil/test", EventTypes.AGENT_EVENT, "42", new AgentEvent(42, t.host(), 5004, agentTime,
                        t.name(), null), T)));

        CefLineParser.Parsed cef = CefLineParser.parse(out.cef());
        assertThat(cef.header().get(3)).isEqualTo("105004");
        assertThat(cef.header().get(4)).isEqualTo(t.name() == null || t.name().isBlank() ? "Agent event 5004"
                : header(cut(t.name(), 255)));
        if (agentTime != null) {
            assertThat(cef.extensions()).containsEntry("cs2Label", "agentTime")
                    .containsEntry("cs2", extension(cut(agentTime, 255)));
        }
    }

    @Provide
    Arbitrary<Texts> texts() {
        Arbitrary<String> text = HostileRecords.text();
        return Combinators.combine(text.filter(id -> id != null), text, text, text).as(Texts::new);
    }

    @Provide
    Arbitrary<String> alertTypes() {
        return Arbitraries.of("clock-change", "agent-offline", "platform-outage");
    }

    @Provide
    Arbitrary<String> agentTimes() {
        return HostileRecords.text();
    }

    /** The model of a cut: at most {@code max} characters (never half a surrogate pair), then {@code ...}. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "...";
    }

    /** The model of a header field as a receiver reads it: a line break or other control character is a space. */
    static String header(String text) {
        return controlsToSpaces(text.replace("\r\n", "\n"), true);
    }

    /** The model of an extension value as a receiver reads it: CR LF is one line feed; other controls are spaces. */
    static String extension(String text) {
        return controlsToSpaces(text.replace("\r\n", "\n"), false);
    }

    private static String controlsToSpaces(String text, boolean breaksToo) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            boolean lineBreak = c == '\n' || c == '\r';
            boolean control = c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) || c == '\u2028' || c == '\u2029';
            out.append(control && (breaksToo || !lineBreak) ? ' ' : c);
        }
        return out.toString();
    }
}
