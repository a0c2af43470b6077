package io.vigil.console;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ApiKeysTest {

    private final ApiKeys keys = ApiKeys.parse("secret-full:full-access, secret-ro:read-only");

    @Test
    void authenticatesEachConfiguredKeyWithItsRole() {
        assertThat(keys.authenticate("secret-full")).get().extracting(ApiKeys.Caller::mayWrite).isEqualTo(true);
        assertThat(keys.authenticate("secret-ro")).get().extracting(ApiKeys.Caller::mayWrite).isEqualTo(false);
    }

    @Test
    void refusesMissingWrongAndPrefixKeys() {
        assertThat(keys.authenticate(null)).isEmpty();
        assertThat(keys.authenticate("")).isEmpty();
        assertThat(keys.authenticate("secret")).isEmpty();
        assertThat(keys.authenticate("secret-full ")).isEmpty();
    }

    @Test
    void exposesOnlyAFingerprintNeverTheKey() {
        ApiKeys.Caller caller = keys.authenticate("secret-full").orElseThrow();
        assertThat(caller.keyFingerprint()).hasSize(16).doesNotContain("secret");
        assertThat(caller.actor()).startsWith("api-key:");
        assertThat(caller.toString()).doesNotContain("secret-full");
    }

    @Test
    void keysMayContainColonsButRolesAreChecked() {
        assertThat(ApiKeys.parse("a:b:c:read-only").authenticate("a:b:c")).isPresent();
        assertThatThrownBy(() -> ApiKeys.parse("k:admin")).hasMessageContaining("full-access or read-only");
        assertThatThrownBy(() -> ApiKeys.parse("nocolon")).hasMessageContaining("key:role");
        assertThat(ApiKeys.parse("").size()).isZero();
    }

    @Test
    void aRoleCoversOnlyRolesNotAboveItself() {
        assertThat(ApiKeys.Role.FULL_ACCESS.covers(ApiKeys.Role.FULL_ACCESS)).isTrue();
        assertThat(ApiKeys.Role.FULL_ACCESS.covers(ApiKeys.Role.READ_ONLY)).isTrue();
        assertThat(ApiKeys.Role.READ_ONLY.covers(ApiKeys.Role.READ_ONLY)).isTrue();
        assertThat(ApiKeys.Role.READ_ONLY.covers(ApiKeys.Role.FULL_ACCESS)).isFalse();
        assertThat(ApiKeys.Role.of("full-access")).contains(ApiKeys.Role.FULL_ACCESS);
        assertThat(ApiKeys.Role.of("read-only")).contains(ApiKeys.Role.READ_ONLY);
        assertThat(ApiKeys.Role.of("Full-Access")).isEmpty();
        assertThat(ApiKeys.Role.NAMES).containsExactly(ApiKeys.Role.FULL_ACCESS.word(), ApiKeys.Role.READ_ONLY.word());
    }

    @Test
    void bootstrapCallersAreNamedByFingerprintManagedOnesByID() {
        assertThat(new ApiKeys.Caller("0123456789abcdef", ApiKeys.Role.READ_ONLY).actor())
                .isEqualTo("api-key:0123456789abcdef");
        assertThat(new ApiKeys.Caller("0123456789abcdef", ApiKeys.Role.READ_ONLY, 12L).actor())
                .isEqualTo("api-key:managed:12");
    }
}
