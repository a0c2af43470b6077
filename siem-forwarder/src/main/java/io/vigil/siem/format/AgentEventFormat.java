package io.vigil.siem.format;

import io.vigil.events.agent.AgentEvent;
import io.vigil.events.cloudevents.CloudEvent;
import io.vigil.siem.cef.CefLine;
import io.vigil.siem.cef.CefSeverity;
import io.vigil.siem.cef.Signatures;

/** {@code vigil.agent.event.v1} to CEF: signature 100000 + eventID, the description as name, no {@code act}. */
final class AgentEventFormat {

    static final String MSG_ID = "agent-event";

    private final String version;
    private final ComputerLookup computers;

    AgentEventFormat(String version, ComputerLookup computers) {
        this.version = version;
        this.computers = computers;
    }

    Outbound format(CloudEvent<AgentEvent> event) {
        AgentEvent data = event.data();
        if (data.eventID() < 0 || data.eventID() > Extensions.MAX_EVENT_ID) {
            throw new FormatException("eventID " + data.eventID() + " is outside 0-" + Extensions.MAX_EVENT_ID);
        }
        String name = data.description() == null || data.description().isBlank()
                ? "Agent event " + data.eventID() : Extensions.field(data.description());
        CefLine line = CefLine.header(version, Signatures.agentEvent(data.eventID()), name, CefSeverity.INFO)
                .ext("rt", Extensions.epochMillis(event.time(), "time"));
        Extensions.device(line, data.computerID(), data.hostName(), computers);
        line.ext("externalId", Extensions.field(event.id()))
                .customString(2, "agentTime", Extensions.field(data.time()))
                .ext("msg", data.data() == null || data.data().isNull() ? null
                        : Extensions.truncate(data.data().toString()));
        return new Outbound(Kind.AGENT_EVENTS, CefSeverity.INFO, MSG_ID, event.time(), line.toString());
    }
}
