package io.vigil.siem.receiver;

import java.io.IOException;
import java.util.List;

/** Delivers a batch of framed messages to one receiver; returns only when the receiver has taken all of them. */
public interface SyslogSender {

    void deliver(List<byte[]> frames) throws IOException;
}
