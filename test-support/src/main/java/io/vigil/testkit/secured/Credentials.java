package io.vigil.testkit.secured;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * Generated passwords of the secured infrastructure, kept in one properties file (mode 0600) so that a restarted
 * local stack finds the users it created before. Keys are {@code kafka.<user>} and {@code postgres.<role>}.
 */
public final class Credentials {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Properties passwords = new Properties();

    private Credentials(Path file) {
        this.file = file;
    }

    /** The credentials of {@code file}, which is created when missing. */
    public static Credentials in(Path file) {
        Credentials credentials = new Credentials(file);
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                credentials.passwords.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + file, e);
            }
        }
        return credentials;
    }

    /** The Kafka SCRAM password of {@code user} (generated and saved on first use). */
    public String kafka(String user) {
        return password("kafka." + user);
    }

    /** The PostgreSQL password of {@code role} (generated and saved on first use). */
    public String postgres(String role) {
        return password("postgres." + role);
    }

    private synchronized String password(String key) {
        String existing = passwords.getProperty(key);
        if (existing != null) {
            return existing;
        }
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        String generated = HexFormat.of().formatHex(bytes); // hex: safe inside JAAS lines, URLs and SQL literals
        passwords.setProperty(key, generated);
        save();
        return generated;
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            try (Writer out = Files.newBufferedWriter(file)) {
                passwords.store(out, "generated passwords of the secured Vigil infrastructure");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
