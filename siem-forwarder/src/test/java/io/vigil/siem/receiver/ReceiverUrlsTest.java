package io.vigil.siem.receiver;

import io.vigil.siem.cef.CefSeverity;
import io.vigil.siem.format.Kind;
import io.vigil.siem.format.Outbound;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiverUrlsTest {

    @Test
    void parsesSeveralReceiversWithKindsAndMinimumSeverity() {
        List<ReceiverSpec> receivers = ReceiverUrls.parse(
                "tcp://siem.example:514, tls://10.0.0.5:6514?kinds=alerts,audit&minSeverity=warning,tcp://[::1]:1514");
        assertThat(receivers).containsExactly(
                new ReceiverSpec(false, "siem.example", 514, EnumSet.allOf(Kind.class), CefSeverity.INFO),
                new ReceiverSpec(true, "10.0.0.5", 6514, Set.of(Kind.ALERTS, Kind.AUDIT), CefSeverity.WARNING),
                new ReceiverSpec(false, "::1", 1514, EnumSet.allOf(Kind.class), CefSeverity.INFO));
        assertThat(receivers.get(2).name()).isEqualTo("tcp://[::1]:1514");
    }

    @Test
    void noneConfiguredIsEmpty() {
        assertThat(ReceiverUrls.parse("")).isEmpty();
        assertThat(ReceiverUrls.parse(null)).isEmpty();
    }

    @Test
    void filtersByKindAndSeverity() {
        ReceiverSpec spec = ReceiverUrls.parse("tcp://h:1?kinds=alerts&minSeverity=warning").getFirst();
        Instant t = Instant.EPOCH;
        assertThat(spec.accepts(new Outbound(Kind.ALERTS, CefSeverity.CRITICAL, "x", t, "c"))).isTrue();
        assertThat(spec.accepts(new Outbound(Kind.ALERTS, CefSeverity.WARNING, "x", t, "c"))).isTrue();
        assertThat(spec.accepts(new Outbound(Kind.ALERTS, CefSeverity.INFO, "x", t, "c"))).isFalse();
        assertThat(spec.accepts(new Outbound(Kind.AUDIT, CefSeverity.CRITICAL, "x", t, "c"))).isFalse();
    }

    @Test
    void refusesBadUrlsNamingTheProblem() {
        assertThatThrownBy(() -> ReceiverUrls.parse("udp://h:514")).hasMessageContaining("tcp or tls");
        assertThatThrownBy(() -> ReceiverUrls.parse("tcp://h")).hasMessageContaining("port");
        assertThatThrownBy(() -> ReceiverUrls.parse("tcp://h:70000")).hasMessageContaining("port");
        assertThatThrownBy(() -> ReceiverUrls.parse("tcp://h:514/x")).hasMessageContaining("path");
        assertThatThrownBy(() -> ReceiverUrls.parse("tcp://h:514?kinds=alerts,heartbeats"))
                .hasMessageContaining("heartbeats");
        assertThatThrownBy(() -> ReceiverUrls.parse("tcp://h:514?minSeverity=high")).hasMessageContaining("minSeverity");
        assertThatThrownBy(() -> ReceiverUrls.parse("tcp://h:514?colour=red")).hasMessageContaining("colour");
        assertThatThrownBy(() -> ReceiverUrls.parse("tcp://h h:514")).hasMessageContaining("not a URL");
    }
}
