package io.vigil.gateway.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The CA on disk: {@code ca.crt} and {@code ca.key} (PEM) in one directory, a mounted Secret in Kubernetes.
 * {@link #initialise()} creates them at most once, even when several processes start together: it holds an exclusive
 * file lock while it checks and writes, and writes each file atomically (temporary file, then rename), key first.
 */
public final class CaDirectory {

    public static final String CERTIFICATE = "ca.crt";
    public static final String KEY = "ca.key";
    private static final String LOCK = ".ca.lock";

    private final Path dir;

    public CaDirectory(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public boolean exists() {
        return Files.isRegularFile(dir.resolve(CERTIFICATE)) && Files.isRegularFile(dir.resolve(KEY));
    }

    /** Creates the CA unless it exists. Returns true if this call created it. */
    public boolean initialise() {
        if (exists()) {
            return false;
        }
        synchronized (CaDirectory.class) { // file locks guard between processes, this monitor within one
            return initialiseLocked();
        }
    }

    private boolean initialiseLocked() {
        try {
            Files.createDirectories(dir);
            try (FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (exists()) {
                    return false;
                }
                CertificateAuthority ca = CertificateAuthority.create("Vigil platform CA");
                writeAtomically(dir.resolve(KEY), Pem.encode(ca.key()), true);
                writeAtomically(dir.resolve(CERTIFICATE), Pem.encode(ca.certificate()), false);
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the CA in " + dir, e);
        }
    }

    /** Loads the CA; fails with a clear message when it is missing or unreadable. */
    public CertificateAuthority load() {
        if (!exists()) {
            throw new IllegalStateException("no platform CA in " + dir.toAbsolutePath() + " (" + CERTIFICATE + ", "
                    + KEY + "): create it with 'java -jar quarkus-run.jar init-ca " + dir + "'");
        }
        try {
            return new CertificateAuthority(Pem.certificate(Files.readString(dir.resolve(CERTIFICATE))),
                    Pem.privateKey(Files.readString(dir.resolve(KEY))));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the CA in " + dir, e);
        }
    }

    private void writeAtomically(Path target, String content, boolean secret) throws IOException {
        Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
            Files.writeString(temp, content);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
