package io.vigil.console.keys;

import io.vigil.console.ApiKeys;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The managed API keys a console service knows (from {@code vigil.internal.api-keys}) and when each was last accepted
 * here. A presented secret names its key's ID; its SHA-256 is compared with the key's in constant time, and the key
 * must be neither revoked nor expired at that moment. A revocation is final: a later record of the same key (same ID
 * and secret) that is not revoked, a replay, does not bring it back.
 */
public final class ManagedKeys {

    private final Map<Long, ManagedKey> keys = new ConcurrentHashMap<>();
    private final Map<Long, Instant> lastUsed = new ConcurrentHashMap<>();

    /** Takes a key's newest record. */
    public void put(ManagedKey key) {
        keys.merge(key.id(), key, (old, now) -> old.revoked() && !now.revoked()
                && MessageDigest.isEqual(old.digest(), now.digest()) ? old : now);
    }

    /** Forgets a key (a tombstone on the topic). */
    public void remove(long id) {
        keys.remove(id);
    }

    /** The caller a presented secret identifies at {@code now}; notes the use for the next usage report. */
    public Optional<ApiKeys.Caller> authenticate(String presented, Instant now) {
        OptionalLong id = ManagedKeySecret.idOf(presented);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        ManagedKey key = keys.get(id.getAsLong());
        if (key == null) {
            return Optional.empty();
        }
        byte[] digest = ManagedKeySecret.digest(presented);
        if (!MessageDigest.isEqual(key.digest(), digest) || !key.usableAt(now)) {
            return Optional.empty();
        }
        lastUsed.merge(key.id(), now, (a, b) -> a.isAfter(b) ? a : b);
        return Optional.of(new ApiKeys.Caller(HexFormat.of().formatHex(digest, 0, 8), key.role(), key.id()));
    }

    /** The uses noted since the last call (key ID to the latest use), and forgets them. */
    public Map<Long, Instant> drainUsage() {
        Map<Long, Instant> drained = new HashMap<>();
        for (Long id : lastUsed.keySet()) {
            Instant at = lastUsed.remove(id);
            if (at != null) {
                drained.put(id, at);
            }
        }
        return drained;
    }

    /** Gives back uses that could not be reported, to be reported with the next ones. */
    public void restoreUsage(Map<Long, Instant> unreported) {
        unreported.forEach((id, at) -> lastUsed.merge(id, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    public int size() {
        return keys.size();
    }

    /** How many keys work at {@code now}. */
    public long usable(Instant now) {
        return keys.values().stream().filter(k -> k.usableAt(now)).count();
    }
}
