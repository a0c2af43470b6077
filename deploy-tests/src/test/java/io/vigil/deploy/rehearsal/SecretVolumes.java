package io.vigil.deploy.rehearsal;

import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Secret volume as the kubelet projects it: the listed items (or every key) with the volume's modes, in a directory
 * of the host. With the pod's {@code fsGroup} every file also belongs to that group and is readable by it, as the
 * kubelet sets a volume's ownership; where the host does not let the test change a file's group (an engine used by a
 * user without root), the files are readable by everyone instead, and the container's user can still read them.
 */
final class SecretVolumes {

    private static final int OTHERS_READ = 0004;
    private static final int OWNER_AND_GROUP_READ = 0440;

    private SecretVolumes() {
    }

    /** Projects the Secret of {@code volume} into {@code dir}; {@code fsGroup} null when the pod has none. */
    static Path project(Cluster cluster, Volume volume, Path dir, Long fsGroup) {
        var source = volume.getSecret();
        Map<String, String> data = cluster.secret(source.getSecretName());
        if (data == null) {
            throw new IllegalStateException("Secret " + source.getSecretName() + " (volume " + volume.getName()
                    + ") does not exist");
        }
        int defaultMode = source.getDefaultMode() == null ? 0644 : source.getDefaultMode();
        List<KeyToPath> items = source.getItems() == null || source.getItems().isEmpty()
                ? data.keySet().stream().map(k -> new KeyToPath(k, null, k, null)).toList() : source.getItems();
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, permissions(0755));
            for (KeyToPath item : items) {
                String value = data.get(item.getKey());
                if (value == null) {
                    throw new IllegalStateException("Secret " + source.getSecretName() + " has no key " + item.getKey());
                }
                Path file = dir.resolve(item.getPath());
                Files.createDirectories(file.getParent());
                Files.writeString(file, value);
                int mode = item.getMode() != null ? item.getMode() : defaultMode;
                Files.setPosixFilePermissions(file, permissions(fsGroup == null ? mode : owned(file, fsGroup, mode)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The mode after the file is given to the group, as the kubelet does for a read-only volume. */
    private static int owned(Path file, long fsGroup, int mode) throws IOException {
        try {
            Files.setAttribute(file, "unix:gid", (int) fsGroup);
            return mode | OWNER_AND_GROUP_READ;
        } catch (FileSystemException notPermitted) {
            return mode | OWNER_AND_GROUP_READ | OTHERS_READ;
        }
    }

    static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_READ};
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << i)) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}
