package io.vigil.policy.api;

import io.vigil.console.Problem;
import io.vigil.console.Problems;
import io.vigil.policy.setting.InvalidSettingException;
import io.vigil.policy.setting.SettingUpdates;
import io.vigil.policy.tree.RuleViolation;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;

/** The domain's refusals as problem+json: 400 naming the setting, value and what is allowed; 404; 409. */
public class PolicyProblemMappers {

    @ServerExceptionMapper
    public Response rule(RuleViolation e) {
        return Problems.response(switch (e.kind()) {
            case NOT_FOUND -> Problem.of(404, "not-found", "Not found", e.getMessage());
            case CONFLICT -> Problem.of(409, "conflict", "Conflict", e.getMessage());
            case INVALID -> Problem.invalid(e.getMessage(), e.field() == null ? List.of()
                    : List.of(new Problem.InvalidParam(e.field(), e.getMessage())));
        });
    }

    @ServerExceptionMapper
    public Response setting(InvalidSettingException e) {
        return Problems.response(Problem.invalid(describe(e), List.of(param(e))));
    }

    @ServerExceptionMapper
    public Response settings(SettingUpdates.InvalidSettingsException e) {
        String detail = String.join("; ", e.problems().stream().map(PolicyProblemMappers::describe).toList());
        return Problems.response(Problem.invalid(detail, e.problems().stream().map(PolicyProblemMappers::param)
                .toList()));
    }

    private static String describe(InvalidSettingException e) {
        return e.setting() + ": " + (e.value() == null ? "no value" : "\"" + e.value() + "\"") + " is refused ("
                + e.reason() + "); allowed: " + e.allowed();
    }

    private static Problem.InvalidParam param(InvalidSettingException e) {
        return new Problem.InvalidParam(e.setting(), e.reason(), e.value(), e.allowed());
    }
}
