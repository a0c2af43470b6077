package io.vigil.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import io.vigil.gateway.ca.CaDirectory;
import io.vigil.gateway.internal.IssueServiceCertificates;
import io.vigil.gateway.tls.ConfiguredTlsMode;
import io.vigil.gateway.tls.JvmTlsSettings;
import io.vigil.gateway.tls.NativeCrypto;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Entry point. {@code init-ca <dir>} creates the platform CA (at most once, also when run concurrently);
 * {@code issue-service-cert <ca-dir> <out-dir> <service>...} writes service certificates of that CA; anything else
 * runs the gateway: first the JVM's TLS settings for the configured mode (before any TLS class loads, see
 * {@link JvmTlsSettings}) and its cryptography provider ({@link NativeCrypto}), then Quarkus. No JVM flag is needed
 * for any mode.
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
        if (args.length > 0 && IssueServiceCertificates.COMMAND.equals(args[0])) {
            IssueServiceCertificates.run(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        JvmTlsSettings.apply(ConfiguredTlsMode.resolve());
        NativeCrypto.install(ConfiguredTlsMode.crypto());
        Quarkus.run(args);
    }
}
