package io.vigil.gateway.guard;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Short head and body deadlines and a long idle timeout, so that only the deadlines can cut a trickling client. */
public class SlowRequestsProfile implements QuarkusTestProfile {

    static final int HEAD_SECONDS = 2;
    static final int BODY_SECONDS = 3;
    static final int IDLE_SECONDS = 90;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "vigil.gateway.guard.request-head-timeout", HEAD_SECONDS + "s",
                "vigil.gateway.guard.request-timeout", BODY_SECONDS + "s",
                "quarkus.http.idle-timeout", IDLE_SECONDS + "s");
    }
}
