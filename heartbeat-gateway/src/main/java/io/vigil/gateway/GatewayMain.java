package io.vigil.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.vigil.gateway.ca.CaDirectory;
import io.vigil.gateway.tls.JavaSecurityOverlay;
import io.vigil.tls.TlsMode;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point. {@code init-ca <dir>} creates the platform CA (at most once, also when run concurrently);
 * {@code java-security <mode> <file>} writes the {@code java.security} overlay a TLS mode needs; anything else runs
 * the gateway.
 */
@QuarkusMain
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String... args) throws IOException {
        if (args.length > 0 && "init-ca".equals(args[0])) {
            Path dir = Path.of(args.length > 1 ? args[1] : ".vigil/ca");
            boolean created = new CaDirectory(dir).initialise();
            System.out.println((created ? "created the platform CA in " : "platform CA already present in ")
                    + dir.toAbsolutePath());
            return;
        }
        if (args.length > 0 && "java-security".equals(args[0])) {
            if (args.length != 3) {
                System.err.println("usage: java-security <legacy|default|strong|fips> <file>");
                System.exit(2);
            }
            JavaSecurityOverlay.write(TlsMode.fromConfig(args[1]), Path.of(args[2]));
            System.out.println("wrote " + args[2] + ": start the gateway with -Djava.security.properties=" + args[2]);
            return;
        }
        Quarkus.run(args);
    }
}
