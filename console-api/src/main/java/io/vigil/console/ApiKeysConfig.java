package io.vigil.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

import java.util.Optional;

/** Console API keys. */
@ConfigMapping(prefix = "vigil")
public interface ApiKeysConfig {

    /** Comma-separated {@code key:role} entries, role {@code full-access} or {@code read-only}. */
    @WithName("api-keys")
    Optional<String> apiKeys();
}
