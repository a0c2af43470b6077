package io.vigil.registry.token;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.vigil.console.ProblemException;
import io.vigil.console.rest.StrictJson;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenRequestTest {

    private static final ObjectMapper JSON = StrictJson.strict(new ObjectMapper());
    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    static TokenRequest parse(String json) throws Exception {
        return TokenRequest.of(JSON.readValue(json, TokenBody.class), 86400, 31536000);
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
    void reportsEveryOutOfRangeFieldAtOnce() throws Exception {
        TokenBody body = JSON.readValue("{\"policyID\":-1,\"expiresInSeconds\":59,\"maxUses\":1000001}",
                TokenBody.class);
        assertThat(VALIDATOR.validate(body)).extracting(v -> v.getPropertyPath().toString())
                .containsExactlyInAnyOrder("policyID", "expiresInSeconds", "maxUses");
        assertThat(VALIDATOR.validate(new TokenBody(1L, 60L, 1_000_000, DuplicateRule.REJECT))).isEmpty();
        assertThat(VALIDATOR.validate(new TokenBody(1L, 59L, 1, null))).extracting(ConstraintViolation::getMessage)
                .containsExactly("must be at least 60 seconds");
    }

    @Test
    void theDuplicateRuleIsOneOfItsWordsExactly() {
        assertThatThrownBy(() -> parse("{\"onDuplicateHostName\":\"Reject\"}"))
                .isInstanceOfSatisfying(InvalidFormatException.class,
                        e -> assertThat(e.getPath().getFirst().getFieldName()).isEqualTo("onDuplicateHostName"));
    }

    @Test
    void aLifetimeBeyondTheConfiguredMaximumIsRefused() {
        assertThatThrownBy(() -> TokenRequest.of(new TokenBody(null, 3600L, null, null), 60, 600))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().invalidParams())
                        .extracting(p -> p.name() + " " + p.allowed()).containsExactly("expiresInSeconds 60 to 600"));
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
