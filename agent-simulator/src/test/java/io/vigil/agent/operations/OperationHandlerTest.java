package io.vigil.agent.operations;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class OperationHandlerTest {

    private final List<String> performed = new ArrayList<>();

    private final OperationHandler handler = new OperationHandler(new OperationHandler.Agent() {
        @Override
        public OperationResult applyConfiguration(long operationID, JsonNode configuration) {
            performed.add("update " + operationID);
            return configuration.path("heartbeatIntervalSeconds").asLong() > 0
                    ? OperationResult.applied(operationID)
                    : OperationResult.failed(operationID, "heartbeatIntervalSeconds must be positive");
        }

        @Override
        public CompletionStage<OperationResult> renewCertificate(long operationID) {
            performed.add("renew " + operationID);
            return operationID == 99 ? CompletableFuture.failedFuture(new IllegalStateException("CA unreachable"))
                    : CompletableFuture.supplyAsync(() -> OperationResult.applied(operationID));
        }
    });

    private List<OperationResult> perform(String json) {
        return handler.perform(Json.parse(json.getBytes(StandardCharsets.UTF_8))).toCompletableFuture().join();
    }

    @Test
    void performsEveryOperationInOrderAndReportsEach() {
        List<OperationResult> results = perform("""
                [{"operationID": 17, "type": "UpdateConfiguration", "configuration": {"heartbeatIntervalSeconds": 60}},
                 {"operationID": 18, "type": "RenewCertificate"},
                 {"operationID": 19, "type": "UpdateConfiguration", "configuration": {"heartbeatIntervalSeconds": 0}}]
                """);

        assertThat(performed).containsExactly("update 17", "renew 18", "update 19");
        assertThat(results).containsExactly(OperationResult.applied(17), OperationResult.applied(18),
                OperationResult.failed(19, "heartbeatIntervalSeconds must be positive"));
    }

    @Test
    void anUnknownTypeOrAMissingConfigurationFailsWithAReason() {
        List<OperationResult> results = perform("""
                [{"operationID": 1, "type": "Reboot"}, {"operationID": 2, "type": "UpdateConfiguration"}]
                """);

        assertThat(results).containsExactly(OperationResult.failed(1, "unsupported operation type 'Reboot'"),
                OperationResult.failed(2, "UpdateConfiguration without a configuration"));
        assertThat(performed).isEmpty();
    }

    @Test
    void aFailingRenewalIsReportedAndTheNextOperationsStillRun() {
        List<OperationResult> results = perform("""
                [{"operationID": 99, "type": "RenewCertificate"},
                 {"operationID": 3, "type": "UpdateConfiguration", "configuration": {"heartbeatIntervalSeconds": 5}}]
                """);

        assertThat(results).containsExactly(OperationResult.failed(99, "CA unreachable"),
                OperationResult.applied(3));
    }

    @Test
    void operationsWithoutAUsableIdCannotBeReportedAndAreSkipped() {
        assertThat(perform("""
                [{"type": "RenewCertificate"}, {"operationID": "x", "type": "RenewCertificate"}]
                """)).isEmpty();
        assertThat(perform("{}")).isEmpty();
        assertThat(performed).isEmpty();
    }
}
