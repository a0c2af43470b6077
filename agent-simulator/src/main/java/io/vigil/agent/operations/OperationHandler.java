package io.vigil.agent.operations;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Performs the {@code operations} of a heartbeat answer, one after the other, and gives their results for the
 * confirming heartbeat. An operation without a usable {@code operationID} cannot be reported and is skipped; an
 * operation of an unknown type fails with a reason.
 */
public final class OperationHandler {

    public static final String UPDATE_CONFIGURATION = "UpdateConfiguration";
    public static final String RENEW_CERTIFICATE = "RenewCertificate";

    /** What the agent does for each kind of operation. */
    public interface Agent {
        /** Applies a configuration document; the result says applied or failed with the reason. */
        OperationResult applyConfiguration(long operationID, JsonNode configuration);

        /** Renews the agent certificate with a new key and CSR. */
        CompletionStage<OperationResult> renewCertificate(long operationID);
    }

    private final Agent agent;

    public OperationHandler(Agent agent) {
        this.agent = agent;
    }

    /** Performs every operation in order; completes with one result per reportable operation. */
    public CompletionStage<List<OperationResult>> perform(JsonNode operations) {
        List<OperationResult> results = new ArrayList<>();
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        if (operations == null || !operations.isArray()) {
            return chain.thenApply(v -> results);
        }
        for (JsonNode operation : operations) {
            JsonNode id = operation.get("operationID");
            if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
                continue;
            }
            long operationID = id.asLong();
            chain = chain.thenCompose(v -> performOne(operationID, operation))
                    .exceptionally(e -> OperationResult.failed(operationID, reason(e)))
                    .thenAccept(results::add);
        }
        return chain.thenApply(v -> List.copyOf(results));
    }

    private CompletionStage<OperationResult> performOne(long operationID, JsonNode operation) {
        String type = operation.path("type").asText("");
        return switch (type) {
            case UPDATE_CONFIGURATION -> {
                JsonNode configuration = operation.get("configuration");
                yield CompletableFuture.completedFuture(configuration == null || !configuration.isObject()
                        ? OperationResult.failed(operationID, "UpdateConfiguration without a configuration")
                        : agent.applyConfiguration(operationID, configuration));
            }
            case RENEW_CERTIFICATE -> agent.renewCertificate(operationID);
            default -> CompletableFuture.completedFuture(
                    OperationResult.failed(operationID, "unsupported operation type '" + type + "'"));
        };
    }

    private static String reason(Throwable e) {
        Throwable cause = e.getCause() != null && e instanceof java.util.concurrent.CompletionException
                ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
