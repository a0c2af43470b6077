package io.vigil.siem.forward;

import java.util.List;

/** Where poison records go: {@code vigil.dead-letter}. Returns only when the broker has acknowledged them. */
@FunctionalInterface
public interface DeadLetterSink {

    void send(List<DeadLetter> letters) throws Exception;
}
