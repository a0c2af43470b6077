package io.vigil.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A rotated API-key Secret takes effect without a restart: the new key works, the old one stops. */
class ApiKeysFileTest {

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong();

    @Test
    void aRotatedKeyReplacesTheOldOneAfterTheRecheckInterval() throws Exception {
        Path file = Files.writeString(dir.resolve("keys"), "old-key:full-access\n");
        ApiKeysFile keys = new ApiKeysFile(file, now::get);
        assertThat(keys.keys().authenticate("old-key")).isPresent();

        Files.writeString(file, "new-key:full-access,reader:read-only");
        assertThat(keys.keys().authenticate("old-key")).as("until the recheck").isPresent();
        now.addAndGet(ApiKeysFile.RECHECK.toNanos());
        assertThat(keys.keys().authenticate("old-key")).isEmpty();
        assertThat(keys.keys().authenticate("new-key")).isPresent();
        assertThat(keys.keys().authenticate("reader")).hasValueSatisfying(c -> assertThat(c.mayWrite()).isFalse());
    }

    @Test
    void anUnreadableOrInvalidFileKeepsTheKeysReadBefore() throws Exception {
        Path file = Files.writeString(dir.resolve("keys"), "k:full-access");
        ApiKeysFile keys = new ApiKeysFile(file, now::get);
        Files.writeString(file, "k:owner");
        now.addAndGet(ApiKeysFile.RECHECK.toNanos());
        assertThat(keys.keys().authenticate("k")).isPresent();
        Files.delete(file);
        now.addAndGet(ApiKeysFile.RECHECK.toNanos());
        assertThat(keys.keys().authenticate("k")).isPresent();
    }

    @Test
    void aMissingFileAtStartRefusesEveryKey() {
        assertThat(new ApiKeysFile(dir.resolve("none"), now::get).keys().authenticate("k")).isEmpty();
    }
}
