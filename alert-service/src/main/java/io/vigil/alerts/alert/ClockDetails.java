package io.vigil.alerts.alert;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.alerts.clock.ClockShift;

/** The details of a clock-change alert: both agent times, both receive times (epoch ms) and the shift. */
final class ClockDetails {

    private ClockDetails() {
    }

    static ObjectNode of(ClockShift shift) {
        ObjectNode details = AlertMapper.newDetails();
        details.put("previousAgentTime", shift.previousAgentTime());
        details.put("agentTime", shift.agentTime());
        if (shift.previousReceivedAt() >= 0) {
            details.put("previousReceivedAt", shift.previousReceivedAt());
        } else {
            details.putNull("previousReceivedAt");
        }
        details.put("receivedAt", shift.receivedAt());
        details.put("shiftSeconds", shift.shiftSeconds());
        details.put("source", shift.source());
        return details;
    }
}
