package io.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.config.RunningConfiguration;
import io.vigil.agent.operations.OperationResult;

import java.net.InetAddress;

/** The configuration the agent runs, how it changes, and the allow-list of its port that follows from it. */
final class Configurations {

    private final ReferenceAgent agent;
    private volatile RunningConfiguration running = RunningConfiguration.defaults();
    private volatile String failWith;

    Configurations(ReferenceAgent agent) {
        this.agent = agent;
    }

    RunningConfiguration running() {
        return running;
    }

    void failWith(String reason) {
        failWith = reason;
    }

    /** The configuration of the activation answer (the defaults stay when it is unusable). */
    void runInitial(JsonNode document) {
        try {
            running = RunningConfiguration.parse(document);
        } catch (RunningConfiguration.InvalidConfigurationException e) {
            agent.problem("activation configuration refused, running the defaults: " + e.getMessage());
        }
    }

    /** Applies a document; null when applied, else the reason it was refused (the previous one keeps running). */
    String apply(JsonNode document) {
        String refusal = failWith;
        RunningConfiguration next = null;
        if (refusal == null) {
            try {
                next = RunningConfiguration.parse(document);
            } catch (RunningConfiguration.InvalidConfigurationException e) {
                refusal = e.getMessage();
            }
        }
        if (refusal != null) {
            agent.notice("configuration refused: " + refusal);
            return refusal;
        }
        RunningConfiguration previous = running;
        running = next;
        agent.notice("configuration applied: " + next.fingerprint() + " ("
                + next.configuration().communicationsDirection() + ", heartbeat every "
                + next.configuration().heartbeatIntervalSeconds() + " s)");
        agent.heartbeats().configurationChanged(previous, next);
        return null;
    }

    /** {@code UpdateConfiguration} from a heartbeat answer. */
    OperationResult applyOperation(long operationID, JsonNode document) {
        String refusal = apply(document);
        if (refusal != null) {
            return OperationResult.failed(operationID, refusal);
        }
        agent.port().reconcile();
        return OperationResult.applied(operationID);
    }

    /** Whether a peer (an IP literal) may use the listening port under the running configuration. */
    boolean allows(String peerHost) {
        try {
            return running.allowedSources().allows(InetAddress.ofLiteral(peerHost), agent.neighbours());
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }
}
