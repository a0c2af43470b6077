package io.vigil.registry.computer;

import io.vigil.console.Problem;
import io.vigil.registry.status.StatusRules;
import io.vigil.registry.web.Paging;
import io.vigil.registry.web.Query;

import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/computers} filters and paging, validated. Null filters are not applied. */
public record ComputerFilter(String status, Long policyID, String hostNamePrefix, long after, int limit) {

    public static ComputerFilter parse(String status, String policyID, String hostName, String limit, String after) {
        List<Problem.InvalidParam> invalid = new ArrayList<>();
        if (status != null && !StatusRules.ALL.contains(status)) {
            invalid.add(new Problem.InvalidParam("status", "is not a computer status", status,
                    String.join(", ", StatusRules.ALL)));
        }
        Long policy = Query.longParam("policyID", policyID, 1, Long.MAX_VALUE, invalid);
        if (hostName != null && (hostName.isEmpty() || hostName.length() > 253)) {
            invalid.add(new Problem.InvalidParam("hostName", "must be 1 to 253 characters", hostName, null));
        }
        Query.validate(invalid);
        Paging paging = Paging.parse(limit, after);
        return new ComputerFilter(status, policy, hostName, paging.after(), paging.limit());
    }
}
