package io.vigil.kafka;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * UP once the {@link KafkaConnection} check passed; DOWN before, and while it fails, with the reason and the setting
 * to fix in the data ({@code setting}, {@code environmentVariable}).
 */
@Readiness
@ApplicationScoped
public class KafkaReadiness implements HealthCheck {

    private final KafkaConnection connection;

    public KafkaReadiness(KafkaConnection connection) {
        this.connection = connection;
    }

    @Override
    public HealthCheckResponse call() {
        KafkaConnection.State state = connection.state();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka-connection").status(state.healthy());
        KafkaProblem problem = state.problem();
        if (!state.checked()) {
            response.withData("problem", "not checked yet");
        } else if (problem != null) {
            response.withData("kind", problem.kind().name()).withData("problem", problem.message());
            if (problem.setting() != null) {
                response.withData("setting", problem.setting())
                        .withData("environmentVariable", KafkaProblem.environmentVariable(problem.setting()));
            }
        }
        return response.build();
    }
}
