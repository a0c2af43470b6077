package io.vigil.console;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Console keys read from a file (in Kubernetes the mounted API-key Secret, which the kubelet updates in place) and read
 * again at most every {@link #RECHECK}: a rotated key takes effect without a restart, and the old key stops working.
 * A file that cannot be read or parsed keeps the keys read before (none at start: every call is refused).
 */
public final class ApiKeysFile {

    public static final Duration RECHECK = Duration.ofSeconds(5);
    private static final Logger LOG = Logger.getLogger(ApiKeysFile.class);

    private final Path file;
    private final LongSupplier nanoTime;
    private volatile String content;
    private volatile ApiKeys keys = ApiKeys.parse("");
    private volatile long checkedAt;

    public ApiKeysFile(Path file) {
        this(file, System::nanoTime);
    }

    ApiKeysFile(Path file, LongSupplier nanoTime) {
        this.file = file;
        this.nanoTime = nanoTime;
        reload();
    }

    /** The keys as the file holds them now (read again when the last read is older than {@link #RECHECK}). */
    public ApiKeys keys() {
        if (nanoTime.getAsLong() - checkedAt >= RECHECK.toNanos()) {
            synchronized (this) {
                if (nanoTime.getAsLong() - checkedAt >= RECHECK.toNanos()) {
                    reload();
                }
            }
        }
        return keys;
    }

    private void reload() {
        checkedAt = nanoTime.getAsLong();
        String now;
        try {
            now = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            LOG.warnf("cannot read the API keys in %s (%s): keeping the keys read before", file, e.getMessage());
            return;
        }
        if (now.equals(content)) {
            return;
        }
        try {
            keys = ApiKeys.parse(now);
            content = now;
            LOG.infof("API keys read from %s", file);
        } catch (IllegalArgumentException e) {
            LOG.warnf("the API keys in %s are invalid (%s): keeping the keys read before", file, e.getMessage());
        }
    }
}
