package io.vigil.siem.format;

import io.vigil.siem.cef.CefSeverity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Rfc5424Test {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00.123456Z");

    @Test
    void buildsTheHeaderWithPriorityFromFacilityAndSeverity() {
        Rfc5424 syslog = new Rfc5424(16, "manager-1");
        Outbound critical = new Outbound(Kind.ALERTS, CefSeverity.CRITICAL, "agent-offline", T, "CEF:0|x");
        assertThat(syslog.message(critical))
                .isEqualTo("<130>1 2026-11-25T10:00:00.123Z manager-1 vigil - agent-offline - CEF:0|x");
        assertThat(syslog.message(new Outbound(Kind.AUDIT, CefSeverity.INFO, "audit", T, "c"))).startsWith("<134>1 ");
        assertThat(syslog.message(new Outbound(Kind.ALERTS, CefSeverity.WARNING, "clock-change", T, "c")))
                .startsWith("<132>1 ");
    }

    @Test
    void octetCountIsTheUtf8ByteLengthOfTheMessage() {
        Rfc5424 syslog = new Rfc5424(1, "h");
        Outbound out = new Outbound(Kind.AGENT_EVENTS, CefSeverity.INFO, "agent-event", T, "CEF:0|é東😀");
        byte[] frame = syslog.frame(out);
        String text = new String(frame, StandardCharsets.UTF_8);
        int space = text.indexOf(' ');
        int declared = Integer.parseInt(text.substring(0, space));
        assertThat(declared).isEqualTo(syslog.message(out).getBytes(StandardCharsets.UTF_8).length)
                .isEqualTo(frame.length - space - 1)
                .isGreaterThan(syslog.message(out).length());
    }

    @Test
    void headerFieldsArePrintableAsciiWithoutSpacesAndBounded() {
        assertThat(Rfc5424.headerField("my host", 255)).isEqualTo("my_host");
        assertThat(Rfc5424.headerField("hôte", 255)).isEqualTo("h_te");
        assertThat(Rfc5424.headerField("", 32)).isEqualTo("-");
        assertThat(Rfc5424.headerField(null, 32)).isEqualTo("-");
        assertThat(Rfc5424.headerField("x".repeat(40), 32)).hasSize(32);
        Rfc5424 syslog = new Rfc5424(16, "evil host\n<1>");
        assertThat(syslog.message(new Outbound(Kind.ALERTS, CefSeverity.INFO, "a b", T, "c")))
                .contains(" evil_host_<1> vigil - a_b - c");
    }

    @Test
    void refusesFacilitiesOutsideTheRange() {
        assertThatThrownBy(() -> new Rfc5424(24, "h")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Rfc5424(-1, "h")).isInstanceOf(IllegalArgumentException.class);
    }
}
