package io.vigil.gateway.tls;

import io.vigil.tls.TlsMode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Security;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The JDK disables TLS 1.0, 3DES and (Java 25) every {@code TLS_RSA_*} suite through the security property
 * {@code jdk.tls.disabledAlgorithms}. A mode that needs them must lift exactly those entries before the first TLS use
 * in the JVM. This class computes the overlay file for {@code -Djava.security.properties=FILE} from the running JDK's
 * own value (so it is right on Java 17 and 25) and tells which entries still block a mode.
 *
 * <p>Command line: {@code JavaSecurityOverlay <mode> <file>} (also {@code quarkus-run.jar java-security <mode> <file>}).
 */
public final class JavaSecurityOverlay {

    public static final String PROPERTY = "jdk.tls.disabledAlgorithms";
    static final String TLS10 = "TLSv1";
    static final String TRIPLE_DES = "3DES_EDE_CBC";
    static final String RSA_KEY_EXCHANGE = "TLS_RSA_*";

    private JavaSecurityOverlay() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: JavaSecurityOverlay <legacy|default|strong|fips> <file>");
            System.exit(2);
        }
        write(TlsMode.fromConfig(args[0]), Path.of(args[1]));
        System.out.println("wrote " + args[1] + ": start the gateway with -Djava.security.properties=" + args[1]);
    }

    public static void write(TlsMode mode, Path file) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        Files.writeString(file, overlay(mode, Security.getProperty(PROPERTY)));
    }

    /** The overlay file's content: the JDK's list minus what the mode needs. */
    public static String overlay(TlsMode mode, String jdkValue) {
        List<String> kept = entries(jdkValue).stream().filter(e -> !needed(mode).contains(e)).toList();
        return "# generated for TLS mode " + mode.configName() + " from the JDK's own list (" +
                System.getProperty("java.version") + ")\n" + PROPERTY + "=" + String.join(", ", kept) + "\n";
    }

    /** The entries of the current value that block something the mode needs; empty when the mode can run. */
    public static List<String> blocking(TlsMode mode, String currentValue) {
        List<String> current = entries(currentValue);
        return needed(mode).stream().filter(current::contains).toList();
    }

    /** The disabled-algorithm entries this mode must lift. */
    static List<String> needed(TlsMode mode) {
        List<String> lift = new ArrayList<>();
        if (mode.needsTls10()) {
            lift.add(TLS10);
        }
        if (mode.needs3des()) {
            lift.add(TRIPLE_DES);
        }
        if (mode.needsRsaKeyExchange()) {
            lift.add(RSA_KEY_EXCHANGE);
        }
        return lift;
    }

    static List<String> entries(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
