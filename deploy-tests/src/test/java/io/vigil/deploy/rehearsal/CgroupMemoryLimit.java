package io.vigil.deploy.rehearsal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The memory limit the kernel enforces on a process: its cgroup's {@code memory.limit_in_bytes} (cgroup v1, the
 * {@code memory} hierarchy) or {@code memory.max} (cgroup v2), read under {@code /sys/fs/cgroup}.
 */
final class CgroupMemoryLimit {

    private static final Path CGROUPS = Path.of("/sys/fs/cgroup");

    private CgroupMemoryLimit() {
    }

    /** The limit in bytes, or empty when the process's cgroup has none ({@code max}) or cannot be read here. */
    static Optional<Long> of(long pid) throws IOException {
        Path file = null;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
            String[] parts = line.split(":", 3);
            if (parts[1].equals("memory")) {
                file = CGROUPS.resolve("memory" + parts[2]).resolve("memory.limit_in_bytes");
                break;
            }
            if (parts[0].equals("0") && parts[1].isEmpty()) {
                file = CGROUPS.resolve(parts[2].substring(1)).resolve("memory.max");
            }
        }
        if (file == null || !Files.isReadable(file)) {
            return Optional.empty();
        }
        String value = Files.readString(file).strip();
        return value.equals("max") ? Optional.empty() : Optional.of(Long.parseLong(value));
    }
}
