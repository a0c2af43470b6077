package io.vigil.tls.service;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a peer only if its chain leads to the platform CA (checked by {@code delegate}) and its certificate names one
 * of the expected services. The identity replaces host-name verification: a service is who its certificate says, not
 * where it is reached.
 */
final class ServiceTrustManager extends X509ExtendedTrustManager {

    private final X509TrustManager delegate;
    private final Set<String> expected;

    ServiceTrustManager(X509TrustManager delegate, Set<String> expected) {
        this.delegate = delegate;
        this.expected = Set.copyOf(expected);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        requireIdentity(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
        requireIdentity(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }

    private void requireIdentity(X509Certificate[] chain) throws CertificateException {
        Optional<String> named = chain.length == 0 ? Optional.empty() : ServiceIdentity.of(chain[0]);
        if (named.isEmpty() || !expected.contains(named.get())) {
            throw new CertificateException("the peer is " + named.map(n -> "service " + n).orElse("no service")
                    + ", expected " + expected);
        }
    }
}
