package io.vigil.siem.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.EventJson;
import io.vigil.events.EventTypes;
import io.vigil.events.Topics;
import io.vigil.events.agent.AgentEvent;
import io.vigil.events.alert.AlertData;
import io.vigil.events.audit.AuditRecord;
import io.vigil.events.cloudevents.CloudEvents;
import io.vigil.siem.cef.CefSeverity;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventFormatterTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00.123Z");
    private static final Instant RAISED = Instant.parse("2026-11-25T09:00:00Z");
    private final EventFormatter formatter = new EventFormatter("1.0",
            id -> id == 42 ? new ComputerLookup.Computer("web-01", "10.1.2.3") : null);

    @Test
    void clockChangeAlertIsSignature734WithActAndComputerFields() {
        Outbound out = formatter.format(Topics.ALERTS, alert(EventTypes.ALERT_RAISED, "clock-change",
                "Computer Clock Change", "warning", 42L, "web-01", "{}"));
        assertThat(out.cef()).isEqualTo("CEF:0|Vigil|Vigil Manager|1.0|734|Computer Clock Change|6|rt=1795600800123"
                + " dvchost=web-01 dvc=10.1.2.3 cs1Label=computerID cs1=42 externalId=ev-1 act=raised cnt=2"
                + " cn1Label=alertID cn1=5 msg=The clock changed.");
        assertThat(out.msgId()).isEqualTo("clock-change");
        assertThat(out.severity()).isEqualTo(CefSeverity.WARNING);
        assertThat(out.kind()).isEqualTo(Kind.ALERTS);
        assertThat(out.time()).isEqualTo(T);
    }

    @Test
    void everyTransitionBecomesItsAct() {
        assertThat(formatter.format(Topics.ALERTS, alert(EventTypes.ALERT_UPDATED, "clock-change", "n", "warning",
                42L, "h", null)).cef()).contains(" act=updated ");
        assertThat(formatter.format(Topics.ALERTS, alert(EventTypes.ALERT_CLEARED, "agent-offline", "n", "critical",
                42L, "h", null)).cef()).contains("|90001|n|10|").contains(" act=cleared ");
        assertThat(formatter.format(Topics.ALERTS, alert(EventTypes.ALERT_DISMISSED, "agent-offline", "n",
                "critical", 42L, "h", null)).cef()).contains(" act=dismissed ");
    }

    @Test
    void platformAlertHasNoComputerFieldsAndDetailsGoIntoMsg() {
        Outbound out = formatter.format(Topics.ALERTS, alert(EventTypes.ALERT_RAISED, "platform-outage", "",
                "critical", null, null, "{\"share\":0.3}"));
        assertThat(out.cef()).startsWith("CEF:0|Vigil|Vigil Manager|1.0|90002|Heartbeat Outage|10|rt=1795600800123"
                + " externalId=ev-1 act=raised").endsWith(" msg=The clock changed. {\"share\":0.3}")
                .doesNotContain("dvchost").doesNotContain("cs1");
    }

    @Test
    void hostileHostNamesAndDescriptionsAreEscaped() {
        Outbound out = formatter.format(Topics.AGENT_EVENTS, agentEvent(7, "web|01 act=cleared\\", 1001,
                "Evil|name\nwith=equals", "{\"path\":\"C:\\\\x\"}"));
        assertThat(out.cef()).isEqualTo("CEF:0|Vigil|Vigil Manager|1.0|101001|Evil\\|name with=equals|3|rt=1795600800123"
                + " dvchost=web|01 act\\=cleared\\\\ cs1Label=computerID cs1=7 externalId=ev-1"
                + " cs2Label=agentTime cs2=2026-11-25 11:00:00 msg={\"path\":\"C:\\\\\\\\x\"}");
        assertThat(out.cef()).doesNotContain("\n");
    }

    @Test
    void agentEventIs100000PlusEventIdWithDescriptionAsNameAndNoAct() {
        Outbound out = formatter.format(Topics.AGENT_EVENTS, agentEvent(42, "web-01", 5004, "Clock Changed", null));
        assertThat(out.cef()).startsWith("CEF:0|Vigil|Vigil Manager|1.0|105004|Clock Changed|3|rt=1795600800123"
                + " dvchost=web-01 dvc=10.1.2.3 cs1Label=computerID cs1=42 externalId=ev-1").doesNotContain("act=");
        assertThat(out.msgId()).isEqualTo("agent-event");
        assertThat(out.severity()).isEqualTo(CefSeverity.INFO);
    }

    @Test
    void auditNamesActorActionResourceAndStates() {
        AuditRecord record = new AuditRecord("api-key:0123456789abcdef", "computer.deactivated", "computer", "42",
                RAISED, json("{\"state\":\"activated\"}"), json("{\"state\":\"deactivated\"}"), "agent-registry");
        Outbound out = formatter.format(Topics.AUDIT, bytes(CloudEvents.create("ev-1", "/vigil/agent-registry",
                EventTypes.AUDIT, "42", record, T)));
        assertThat(out.cef()).isEqualTo("CEF:0|Vigil|Vigil Manager|1.0|90100|computer.deactivated|3|rt=1795597200000"
                + " dvchost=web-01 dvc=10.1.2.3 cs1Label=computerID cs1=42 externalId=ev-1 act=computer.deactivated"
                + " suser=api-key:0123456789abcdef cs2Label=resource cs2=computer:42 cs3Label=service"
                + " cs3=agent-registry msg=before\\={\"state\":\"activated\"} after\\={\"state\":\"deactivated\"}");
        assertThat(out.msgId()).isEqualTo("audit");
    }

    @Test
    void auditWithoutComputerHasNoDeviceFields() {
        AuditRecord record = new AuditRecord("api-key:ab", "policy.created", "policy", "7", RAISED, null,
                json("{}"), "policy-service");
        Outbound out = formatter.format(Topics.AUDIT, bytes(CloudEvents.create("ev-2", "/vigil/policy-service",
                EventTypes.AUDIT, null, record, T)));
        assertThat(out.cef()).doesNotContain("dvchost").doesNotContain("cs1").contains(" msg=before\\=null after\\={}");
    }

    @Test
    void longTextIsTruncated() {
        Outbound out = formatter.format(Topics.AGENT_EVENTS, agentEvent(42, "h", 1, "d",
                "{\"x\":\"" + "a".repeat(5000) + "\"}"));
        assertThat(out.cef().length()).isLessThan(2300);
        assertThat(out.cef()).endsWith("...");
    }

    @Test
    void unformattableRecordsNameTheReason() {
        assertThatThrownBy(() -> formatter.format(Topics.ALERTS, "not json".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(FormatException.class).hasMessageContaining("unreadable");
        assertThatThrownBy(() -> formatter.format(Topics.ALERTS, null))
                .isInstanceOf(FormatException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> formatter.format(Topics.ALERTS, alert(EventTypes.AUDIT, "clock-change", "n",
                "warning", 1L, "h", null))).hasMessageContaining("unexpected CloudEvents type vigil.audit.v1");
        assertThatThrownBy(() -> formatter.format(Topics.ALERTS, alert(EventTypes.ALERT_RAISED, "disk-full", "n",
                "warning", 1L, "h", null))).hasMessageContaining("no signature ID for alertType disk-full");
        assertThatThrownBy(() -> formatter.format(Topics.ALERTS, alert(EventTypes.ALERT_RAISED, "clock-change",
                "n", "urgent", 1L, "h", null))).hasMessageContaining("unknown severity urgent");
        assertThatThrownBy(() -> formatter.format(Topics.AGENT_EVENTS,
                "{\"id\":\"x\",\"type\":\"vigil.agent.event.v1\",\"time\":\"2026-11-25T10:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8))).hasMessageContaining("no data");
        assertThatThrownBy(() -> formatter.format(Topics.HEARTBEATS, new byte[1]))
                .hasMessageContaining("not a forwarded topic");
    }

    private static byte[] alert(String type, String alertType, String name, String severity, Long computerID,
                                String hostName, String details) {
        AlertData data = new AlertData(5, alertType, name, severity, computerID, hostName, RAISED, T, 2, "active",
                true, "The clock changed.", details == null ? null : json(details));
        return bytes(CloudEvents.create("ev-1", "/vigil/alert-service", type,
                computerID == null ? null : computerID.toString(), data, T));
    }

    private static byte[] agentEvent(long computerID, String hostName, int eventID, String description, String data) {
        AgentEvent event = new AgentEvent(computerID, hostName, eventID, "2026-11-25 11:00:00", description,
                data == null ? null : json(data));
        return bytes(CloudEvents.create("ev-1", "/vigil/heartbeat-gateway", EventTypes.AGENT_EVENT,
                Long.toString(computerID), event, T));
    }

    private static byte[] bytes(Object event) {
        return EventJson.toBytes(event);
    }

    private static JsonNode json(String text) {
        try {
            return EventJson.mapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
