package io.vigil.siem.receiver;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * The TLS client context for {@code tls://} receivers: trusts the certificates of the configured trust store
 * (PKCS#12 or JKS by extension {@code .p12 .pfx .jks}, otherwise PEM certificates), or the JDK's default CAs when none
 * is configured.
 */
public final class TlsContexts {

    private TlsContexts() {
    }

    public static SSLContext client(Optional<Path> trustStore, Optional<String> password) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trustStore.isPresent() ? load(trustStore.get(), password.orElse("")) : null);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("vigil.siem.tls: cannot use trust store " + trustStore.orElse(null)
                    + ": " + e.getMessage(), e);
        }
    }

    static KeyStore load(Path file, String password) throws GeneralSecurityException, IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try (InputStream in = Files.newInputStream(file)) {
            if (name.endsWith(".p12") || name.endsWith(".pfx") || name.endsWith(".jks")) {
                KeyStore store = KeyStore.getInstance(name.endsWith(".jks") ? "JKS" : "PKCS12");
                store.load(in, password.toCharArray());
                return store;
            }
            Collection<? extends Certificate> certificates =
                    CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no PEM certificate in " + file);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("ca-" + i++, certificate);
            }
            return store;
        }
    }
}
