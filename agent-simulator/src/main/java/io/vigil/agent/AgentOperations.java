package io.vigil.agent;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vigil.agent.net.Answer;
import io.vigil.agent.net.ManagerClient;
import io.vigil.agent.operations.OperationHandler;
import io.vigil.agent.operations.OperationResult;
import io.vigil.agent.tls.KeyMaterial;

import java.security.KeyPair;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * What the agent does for the manager's operations: {@code UpdateConfiguration} applies the document;
 * {@code RenewCertificate} makes a new key pair and CSR, posts it to {@link ReferenceAgent#CERTIFICATE_PATH} over
 * the authenticated connection, checks the new certificate and from then on uses it (a new connection, since the
 * old certificate is no longer valid).
 */
final class AgentOperations implements OperationHandler.Agent {

    private record Renewal(KeyPair keyPair, Answer answer) {
    }

    private final ReferenceAgent agent;

    AgentOperations(ReferenceAgent agent) {
        this.agent = agent;
    }

    @Override
    public OperationResult applyConfiguration(long operationID, JsonNode configuration) {
        return agent.configurations().applyOperation(operationID, configuration);
    }

    @Override
    public CompletionStage<OperationResult> renewCertificate(long operationID) {
        ManagerClient current = agent.client();
        return agent.vertx().executeBlocking(() -> agent.settings().keyPairs().get(), false)
                .compose(keyPair -> current.post(ReferenceAgent.CERTIFICATE_PATH, Json.bytes(Map.of("csr",
                                KeyMaterial.csrPem(keyPair, agent.settings().hostName()))))
                        .map(answer -> new Renewal(keyPair, answer)))
                .compose(renewal -> {
                    if (renewal.answer().status() != 201) {
                        return Future.failedFuture(renewal.answer().problem());
                    }
                    var chain = IssuedCertificates.check(renewal.answer().json().path("certificate").asText(null),
                            renewal.keyPair(), agent.computerID(), agent.trust());
                    agent.keyManager().use(renewal.keyPair(), chain);
                    agent.client(ManagerClient.create(agent.vertx(), agent.settings().gateway(), agent.trust(),
                            agent.tls(), agent.keyManager(), agent.settings().requestTimeout()));
                    agent.notice("certificate renewed: valid until " + chain.getFirst().getNotAfter().toInstant());
                    return current.close().otherwiseEmpty().map(v -> OperationResult.applied(operationID));
                })
                .otherwise(e -> {
                    agent.notice("certificate renewal failed: " + e.getMessage());
                    return OperationResult.failed(operationID, "certificate renewal failed: " + e.getMessage());
                })
                .toCompletionStage();
    }
}
