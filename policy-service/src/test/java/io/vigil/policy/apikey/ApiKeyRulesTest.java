package io.vigil.policy.apikey;

import io.vigil.console.ApiKeys;
import io.vigil.console.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeyRulesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final ApiKeys.Caller FULL = new ApiKeys.Caller("f", ApiKeys.Role.FULL_ACCESS);
    private static final ApiKeys.Caller MANAGED_FULL = new ApiKeys.Caller("m", ApiKeys.Role.FULL_ACCESS, 3L);
    private static final ApiKeys.Caller READ_ONLY = new ApiKeys.Caller("r", ApiKeys.Role.READ_ONLY, 4L);

    @Test
    void onlyFullAccessKeysManageKeys() {
        ApiKeyRules.checkManage(FULL);
        ApiKeyRules.checkManage(MANAGED_FULL);
        assertThat(status(() -> ApiKeyRules.checkManage(READ_ONLY))).isEqualTo(403);
        assertThat(status(() -> ApiKeyRules.checkManage(null))).isEqualTo(403);
    }

    @Test
    void aKeyGrantsNoMoreThanItsOwnRole() {
        ApiKeyRules.checkGrant(FULL, ApiKeys.Role.FULL_ACCESS);
        ApiKeyRules.checkGrant(MANAGED_FULL, ApiKeys.Role.READ_ONLY);
        assertThatThrownBy(() -> ApiKeyRules.checkGrant(READ_ONLY, ApiKeys.Role.FULL_ACCESS))
                .isInstanceOf(ProblemException.class).hasMessageContaining("full-access");
        assertThat(status(() -> ApiKeyRules.checkGrant(READ_ONLY, ApiKeys.Role.READ_ONLY))).isEqualTo(403);
    }

    @Test
    void noExpiryMeansNever() {
        assertThat(ApiKeyRules.expiry(null, NOW)).isNull();
    }

    @Test
    void anExpiryLiesInTheFutureWithinTenYears() {
        long now = NOW.toEpochMilli();
        assertThat(ApiKeyRules.expiry(now + 1, NOW)).isEqualTo(NOW.plusMillis(1));
        long latest = NOW.plus(ApiKeyRules.MAX_LIFETIME).toEpochMilli();
        assertThat(ApiKeyRules.expiry(latest, NOW)).isEqualTo(Instant.ofEpochMilli(latest));

        ProblemException now0 = refused(now);
        assertThat(now0.problem().invalidParams()).singleElement().satisfies(p -> {
            assertThat(p.name()).isEqualTo("expiresAt");
            assertThat(p.reason()).isEqualTo("must be in the future");
            assertThat(p.value()).isEqualTo(Long.toString(now));
        });
        assertThat(refused(now - 1).problem().status()).isEqualTo(400);
        assertThat(refused(0).problem().status()).isEqualTo(400);
        assertThat(refused(latest + 1).problem().invalidParams().getFirst().reason()).contains("3650 days");
        assertThat(refused(Long.MAX_VALUE).problem().status()).isEqualTo(400);
    }

    private static ProblemException refused(long expiresAt) {
        try {
            ApiKeyRules.expiry(expiresAt, NOW);
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("expiry " + expiresAt + " was accepted");
    }

    private static int status(Runnable check) {
        try {
            check.run();
        } catch (ProblemException e) {
            return e.problem().status();
        }
        return 200;
    }
}
