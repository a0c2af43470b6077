package io.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.net.Answer;
import io.vigil.agent.operations.OperationResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** What an agent has achieved and what it still has to report; read from any thread. */
final class AgentStatus {

    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong answeredRequests = new AtomicLong();
    private final List<OperationResult> pending = new ArrayList<>();
    private final List<OperationResult> reported = new CopyOnWriteArrayList<>();
    private volatile JsonNode lastResponse;
    private volatile int lastStatus;
    private volatile String lastError;
    private volatile String lastTlsProtocol;
    private volatile String lastCipherSuite;

    long accepted() { return accepted.get(); }
    long answeredRequests() { return answeredRequests.get(); }
    JsonNode lastResponse() { return lastResponse; }
    int lastStatus() { return lastStatus; }
    String lastError() { return lastError; }
    String lastTlsProtocol() { return lastTlsProtocol; }
    String lastCipherSuite() { return lastCipherSuite; }
    List<OperationResult> reported() { return List.copyOf(reported); }

    synchronized List<OperationResult> pendingResults() {
        return List.copyOf(pending);
    }

    synchronized void addPending(List<OperationResult> results) {
        pending.addAll(results);
    }

    /** Any answer to a heartbeat: its status and the TLS it came over. */
    void answer(Answer answer) {
        lastStatus = answer.status();
        lastTlsProtocol = answer.tlsProtocol();
        lastCipherSuite = answer.cipherSuite();
    }

    /** A heartbeat the manager accepted (200), with the results it carried. */
    void accepted(List<OperationResult> included, JsonNode response) {
        delivered(included);
        lastResponse = response;
        lastError = null;
        accepted.incrementAndGet();
    }

    /** A heartbeat body the agent delivered as the answer to the manager's request. */
    void answeredRequest(List<OperationResult> included) {
        delivered(included);
        answeredRequests.incrementAndGet();
    }

    private synchronized void delivered(List<OperationResult> included) {
        pending.removeAll(included);
        reported.addAll(included);
    }

    /** Records a problem; true when it is a new one. */
    boolean error(String message) {
        boolean changed = !Objects.equals(lastError, message);
        lastError = message;
        return changed;
    }
}
