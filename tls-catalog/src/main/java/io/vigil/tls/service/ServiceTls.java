package io.vigil.tls.service;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Set;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * A service's TLS identity for internal calls: its key and certificate chain (issued by the platform CA) and the CA it
 * trusts. {@link #clientContext} gives the {@link SSLContext} a caller uses: it presents this identity and accepts only
 * a server that proves the expected service identity.
 */
public record ServiceTls(PrivateKey key, List<X509Certificate> chain, X509Certificate ca) {

    /** Internal calls are TLS 1.3 only. */
    public static final String PROTOCOL = "TLSv1.3";
    private static final char[] PASSWORD = "in-memory".toCharArray();

    public ServiceTls {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a TLS identity needs its certificate");
        }
    }

    /** Loads PEM files: the certificate (chain), its PKCS#8 key, and the platform CA certificate. */
    public static ServiceTls load(Path certificate, Path key, Path ca) {
        return new ServiceTls(PemFiles.privateKey(key), PemFiles.certificates(certificate),
                PemFiles.certificates(ca).getFirst());
    }

    /** The service this identity names, or {@code (no service)} for any other certificate. */
    public String service() {
        return ServiceIdentity.of(chain.getFirst()).orElse("(no service)");
    }

    /** A client context presenting this identity and trusting only a server named {@code expectedServer}. */
    public SSLContext clientContext(String expectedServer) {
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(null, null);
            keys.setKeyEntry("service", key, PASSWORD, chain.toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("platform-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            X509TrustManager platform = (X509TrustManager) tmf.getTrustManagers()[0];
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(kmf.getKeyManagers(), new javax.net.ssl.TrustManager[]{
                    new ServiceTrustManager(platform, Set.of(ServiceIdentity.requireName(expectedServer)))}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the TLS context of service " + service(), e);
        }
    }

    /** Parameters for clients: TLS 1.3 only. */
    public static SSLParameters clientParameters() {
        SSLParameters parameters = new SSLParameters();
        parameters.setProtocols(new String[]{PROTOCOL});
        return parameters;
    }
}
