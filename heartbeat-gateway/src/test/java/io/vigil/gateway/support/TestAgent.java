package io.vigil.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.events.EventJson;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.gateway.ca.Pem;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.openssl.PEMParser;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A minimal agent for tests: its own key pair, CA pinning, and a kept-alive HTTPS client. */
public final class TestAgent {

    public static final Path CA_DIR = Path.of("target/test-ca");

    public final KeyPair keys = CertificateAuthority.rsaKeyPair(2048);
    public long computerID;
    public List<X509Certificate> chain = List.of();
    public HttpClient client;
    private final int port;

    public TestAgent(int port) {
        this.port = port;
        this.client = client(null);
    }

    public static X509Certificate caCertificate() {
        try {
            return Pem.certificate(Files.readString(CA_DIR.resolve("ca.crt")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String csr() {
        return csr(keys);
    }

    public static String csr(KeyPair pair) {
        try {
            var builder = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=test-agent"), pair.getPublic());
            return Pem.encode(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String activationBody(String token, String hostName) {
        return "{\"token\":\"" + token + "\",\"hostName\":\"" + hostName + "\",\"platform\":\"Linux\","
                + "\"agentVersion\":\"20.0.1-3445\",\"agentRelease\":\"20\",\"computerType\":\"physical\","
                + "\"listeningPort\":4118,\"csr\":" + EventJson.toJson(csr()) + "}";
    }

    /** Activates and switches to a client that presents the new certificate. */
    public JsonNode activate(String token, String hostName) {
        HttpResponse<String> response = post("/agent/v1/activation", activationBody(token, hostName));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("activation failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = read(response.body());
        computerID = body.get("computerID").asLong();
        useCertificate(parseChain(body.get("certificate").asText()));
        return body;
    }

    public void useCertificate(List<X509Certificate> newChain) {
        this.chain = newChain;
        this.client = client(newChain);
    }

    public HttpResponse<String> post(String path, String body) {
        return post(client, path, body);
    }

    public HttpResponse<String> post(HttpClient http, String path, String body) {
        return send(http, request(path, body).build());
    }

    /** A POST carrying {@code X-Request-ID: requestID}. */
    public HttpResponse<String> post(String path, String body, String requestID) {
        return send(client, request(path, body).header("X-Request-ID", requestID).build());
    }

    private HttpRequest.Builder request(String path, String body) {
        return HttpRequest.newBuilder(URI.create("https://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String heartbeat(String fingerprint) {
        return "{\"agentVersion\":\"20.0.1-3445\",\"agentTime\":\"2026-11-25T10:00:00.123Z\",\"uptimeMillis\":8123,"
                + "\"driverStatus\":\"Online\",\"configFingerprint\":\"" + fingerprint + "\","
                + "\"counters\":{\"eventsDropped\":0,\"firewallPacketsBlocked\":12}}";
    }

    public HttpClient client(List<X509Certificate> certificates) {
        return client(certificates, keys, null);
    }

    public static HttpClient client(List<X509Certificate> certificates, KeyPair pair, InetAddress localAddress) {
        HttpClient.Builder builder = HttpClient.newBuilder().sslContext(sslContext(certificates, pair))
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5));
        if (localAddress != null) {
            builder.localAddress(localAddress);
        }
        return builder.build();
    }

    /** TLS trusting only the platform CA, presenting this agent's current certificate (none before activation). */
    public SSLContext sslContext() {
        return sslContext(chain.isEmpty() ? null : chain, keys);
    }

    public static SSLContext sslContext(List<X509Certificate> certificates, KeyPair pair) {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", caCertificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = null;
            if (certificates != null) {
                KeyStore keyStore = KeyStore.getInstance("PKCS12");
                keyStore.load(null, null);
                keyStore.setKeyEntry("agent", pair.getPrivate(), "x".toCharArray(),
                        certificates.toArray(Certificate[]::new));
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(keyStore, "x".toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            javax.net.ssl.KeyManager[] keyManagers = kmf == null ? null
                    : new javax.net.ssl.KeyManager[]{new AlwaysPresent((javax.net.ssl.X509KeyManager) kmf.getKeyManagers()[0])};
            context.init(keyManagers, tmf.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Presents its certificate whatever CAs the server asks for (as a misconfigured agent would). */
    private static final class AlwaysPresent extends javax.net.ssl.X509ExtendedKeyManager {
        private final javax.net.ssl.X509KeyManager delegate;

        AlwaysPresent(javax.net.ssl.X509KeyManager delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getClientAliases(String keyType, java.security.Principal[] issuers) {
            return new String[]{"agent"};
        }

        @Override
        public String chooseClientAlias(String[] keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return "agent";
        }

        @Override
        public String chooseEngineClientAlias(String[] keyType, java.security.Principal[] issuers,
                                              javax.net.ssl.SSLEngine engine) {
            return "agent";
        }

        @Override
        public String[] getServerAliases(String keyType, java.security.Principal[] issuers) {
            return null;
        }

        @Override
        public String chooseServerAlias(String keyType, java.security.Principal[] issuers, java.net.Socket socket) {
            return null;
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return delegate.getCertificateChain(alias);
        }

        @Override
        public java.security.PrivateKey getPrivateKey(String alias) {
            return delegate.getPrivateKey(alias);
        }
    }

    public static JsonNode read(String json) {
        try {
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<X509Certificate> parseChain(String pem) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                certificates.add(new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) object));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return certificates;
    }

    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
