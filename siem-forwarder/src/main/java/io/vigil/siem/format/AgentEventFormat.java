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
        if (data.eventID() < 0) {
            throw new FormatException("negative eventID " + data.eventID());
        }
        String name = data.description() == null || data.description().isBlank()
                ? "Agent event " + data.eventID() : data.description();
        CefLine line = CefLine.header(version, Signatures.agentEvent(data.eventID()), name, CefSeverity.INFO)
                .ext("rt", event.time().toEpochMilli());
        Extensions.device(line, data.computerID(), data.hostName(), computers);
        line.ext("externalId", event.id())
                .customString(2, "agentTime", data.time())
                .ext("msg", data.data() == null || data.data().isNull() ? null
                        : Extensions.truncate(data.data().toString()));
        return new Outbound(Kind.AGENT_EVENTS, CefSeverity.INFO, MSG_ID, event.time(), line.toString());
    }
}
