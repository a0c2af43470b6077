package io.vigil.registry.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.console.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRequestTest {

    static TokenRequest parse(String json) throws Exception {
        return TokenRequest.parse(new ObjectMapper().readTree(json), 86400, 31536000);
    }

    @Test
    void defaults() throws Exception {
        assertThat(parse("{}")).isEqualTo(new TokenRequest(1, 86400, null, DuplicateRule.REACTIVATE));
        assertThat(parse("{\"policyID\":null}").policyID()).isEqualTo(1);
    }

    @Test
    void everyField() throws Exception {
        assertThat(parse("{\"policyID\":7,\"expiresInSeconds\":60,\"maxUses\":1000000,"
                + "\"onDuplicateHostName\":\"new-computer\"}"))
                .isEqualTo(new TokenRequest(7, 60, 1_000_000, DuplicateRule.NEW_COMPUTER));
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        assertThatThrownBy(() -> parse("{\"policyID\":-1,\"expiresInSeconds\":59,\"maxUses\":1000001,"
                + "\"onDuplicateHostName\":\"Reject\"}"))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().invalidParams())
                        .extracting(p -> p.name()).containsExactly("policyID", "expiresInSeconds", "maxUses",
                                "onDuplicateHostName"));
    }

    @Test
    void tokensCarryAtLeast128RandomBitsAndAreHashed() {
        String token = TokenSecrets.generate();
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSize(32);
        assertThat(TokenSecrets.generate()).isNotEqualTo(token);
        assertThat(TokenSecrets.hash(token)).hasSize(64).isEqualTo(TokenSecrets.hash(token)).doesNotContain(token);
    }

    @Test
    void usability() {
        ActivationToken t = new ActivationToken(1, "h", 1, 1000, 2, 1, DuplicateRule.REJECT, 0);
        assertThat(t.usableAt(999)).isTrue();
        assertThat(t.usableAt(1000)).isFalse();
        assertThat(new ActivationToken(1, "h", 1, 1000, 2, 2, DuplicateRule.REJECT, 0).usableAt(0)).isFalse();
        assertThat(new ActivationToken(1, "h", 1, 1000, null, 99, DuplicateRule.REJECT, 0).usableAt(0)).isTrue();
    }
}
