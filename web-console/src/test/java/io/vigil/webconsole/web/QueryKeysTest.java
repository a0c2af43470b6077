package io.vigil.webconsole.web;

import io.vigil.console.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryKeysTest {

    @Test
    void namesThatCarryCredentialsAreRecognised() {
        for (String name : Set.of("api-secret-key", "apiKey", "API_KEY", "key", "secret", "token", "access_token",
                "password", "auth", "Authorization")) {
            assertThat(QueryKeys.looksLikeKey(name)).as(name).isTrue();
        }
        for (String name : Set.of("status", "hostName", "policyID", "limit", "after", "mode", "state")) {
            assertThat(QueryKeys.looksLikeKey(name)).as(name).isFalse();
        }
    }

    @Test
    void aKeyInTheQueryIsRefusedWithEveryOffendingParameterNamed() {
        assertThatThrownBy(() -> QueryKeys.refuse(Set.of("status", "apiKey", "api-secret-key")))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().invalidParams()).extracting(p -> p.name())
                            .containsExactly("api-secret-key", "apiKey");
                    assertThat(e.problem().detail()).contains("header");
                });
    }

    @Test
    void ordinaryQueriesPass() {
        QueryKeys.refuse(Set.of("status", "limit", "after"));
        QueryKeys.refuse(Set.of());
    }
}
