package io.vigil.console.keys;

import io.vigil.console.ApiKeys;
import io.vigil.events.apikey.ApiKeyRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ManagedKeysTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private final ManagedKeys keys = new ManagedKeys();

    private static ApiKeyRecord record(long id, String secret, String role, Instant expiresAt, boolean revoked) {
        return new ApiKeyRecord(id, "key " + id, role, expiresAt, ManagedKeySecret.hash(secret), revoked, NOW);
    }

    @Test
    void aKnownSecretIdentifiesItsKeyWithItsRole() {
        String secret = ManagedKeySecret.generate(7);
        keys.put(ManagedKey.of(record(7, secret, "read-only", null, false)));

        ApiKeys.Caller caller = keys.authenticate(secret, NOW).orElseThrow();
        assertThat(caller.role()).isEqualTo(ApiKeys.Role.READ_ONLY);
        assertThat(caller.mayWrite()).isFalse();
        assertThat(caller.managedKeyID()).isEqualTo(7L);
        assertThat(caller.actor()).isEqualTo("api-key:managed:7");
        assertThat(caller.keyFingerprint()).hasSize(16).isEqualTo(ManagedKeySecret.hash(secret).substring(0, 16));
    }

    @Test
    void aWrongSecretForAnExistingIdIsRefused() {
        String secret = ManagedKeySecret.generate(7);
        keys.put(ManagedKey.of(record(7, secret, "full-access", null, false)));
        String other = ManagedKeySecret.generate(7);

        assertThat(keys.authenticate(other, NOW)).isEmpty();
        assertThat(keys.authenticate(secret + "x", NOW)).isEmpty();
        assertThat(keys.authenticate(secret.replace("vk.7.", "vk.8."), NOW)).isEmpty();
        assertThat(keys.authenticate(null, NOW)).isEmpty();
        assertThat(keys.authenticate("", NOW)).isEmpty();
    }

    @Test
    void anExpiredKeyIsRefusedFromItsExpiryOn() {
        String secret = ManagedKeySecret.generate(3);
        keys.put(ManagedKey.of(record(3, secret, "full-access", NOW.plusSeconds(60), false)));

        assertThat(keys.authenticate(secret, NOW.plusSeconds(59))).isPresent();
        assertThat(keys.authenticate(secret, NOW.plusSeconds(60))).isEmpty();
        assertThat(keys.authenticate(secret, NOW.plusSeconds(61))).isEmpty();
        assertThat(keys.usable(NOW)).isEqualTo(1);
        assertThat(keys.usable(NOW.plusSeconds(60))).isZero();
    }

    @Test
    void aRevokedKeyIsRefusedAndAReplayedOlderRecordDoesNotBringItBack() {
        String secret = ManagedKeySecret.generate(4);
        ApiKeyRecord active = record(4, secret, "full-access", null, false);
        keys.put(ManagedKey.of(active));
        keys.put(ManagedKey.of(record(4, secret, "full-access", null, true)));
        assertThat(keys.authenticate(secret, NOW)).isEmpty();

        keys.put(ManagedKey.of(active));
        assertThat(keys.authenticate(secret, NOW)).isEmpty();
        assertThat(keys.size()).isEqualTo(1);
    }

    @Test
    void anotherKeyUnderARevokedKeysIdTakesItsPlace() {
        String old = ManagedKeySecret.generate(4);
        keys.put(ManagedKey.of(record(4, old, "full-access", null, true)));
        String secret = ManagedKeySecret.generate(4); // the owner's database was restored and the ID given again
        keys.put(ManagedKey.of(record(4, secret, "read-only", null, false)));
        assertThat(keys.authenticate(secret, NOW)).isPresent();
        assertThat(keys.authenticate(old, NOW)).isEmpty();
    }

    @Test
    void aTombstoneForgetsTheKey() {
        String secret = ManagedKeySecret.generate(5);
        keys.put(ManagedKey.of(record(5, secret, "read-only", null, false)));
        keys.remove(5);
        assertThat(keys.authenticate(secret, NOW)).isEmpty();
        assertThat(keys.size()).isZero();
    }

    @Test
    void usesAreNotedPerKeyWithTheLatestTimeAndDrainedOnce() {
        String a = ManagedKeySecret.generate(1);
        String b = ManagedKeySecret.generate(2);
        keys.put(ManagedKey.of(record(1, a, "read-only", null, false)));
        keys.put(ManagedKey.of(record(2, b, "read-only", null, false)));

        keys.authenticate(a, NOW);
        keys.authenticate(a, NOW.plusSeconds(5));
        keys.authenticate(a, NOW.plusSeconds(2));
        keys.authenticate(b, NOW.plusSeconds(1));
        keys.authenticate(ManagedKeySecret.generate(2), NOW.plusSeconds(9)); // refused: not a use

        assertThat(keys.drainUsage()).containsOnlyKeys(1L, 2L)
                .containsEntry(1L, NOW.plusSeconds(5)).containsEntry(2L, NOW.plusSeconds(1));
        assertThat(keys.drainUsage()).isEmpty();
    }

    @Test
    void unreportedUsesComeBackMergedWithNewerOnes() {
        String a = ManagedKeySecret.generate(1);
        keys.put(ManagedKey.of(record(1, a, "read-only", null, false)));
        keys.authenticate(a, NOW.plusSeconds(10));
        keys.restoreUsage(java.util.Map.of(1L, NOW, 9L, NOW));
        assertThat(keys.drainUsage()).containsEntry(1L, NOW.plusSeconds(10)).containsEntry(9L, NOW);
    }

    @Test
    void unreadableRecordsAreRefused() {
        String hash = ManagedKeySecret.hash("x");
        assertThatThrownBy(() -> ManagedKey.of(new ApiKeyRecord(0, "n", "read-only", null, hash, false, NOW)))
                .hasMessageContaining("positive");
        assertThatThrownBy(() -> ManagedKey.of(new ApiKeyRecord(1, "n", "admin", null, hash, false, NOW)))
                .hasMessageContaining("role");
        assertThatThrownBy(() -> ManagedKey.of(new ApiKeyRecord(1, "n", "read-only", null, "abc", false, NOW)))
                .hasMessageContaining("SHA-256");
    }
}
