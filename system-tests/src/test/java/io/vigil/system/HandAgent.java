package io.vigil.system;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.agent.tls.Pem;
import io.vigil.events.EventJson;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * An agent written by hand against the agent port, for what the reference agent deliberately never does (a burst of
 * heartbeats): activates with a CSR, then posts heartbeats with its certificate and reads every header of the answers.
 */
final class HandAgent {

    private static final String HEARTBEAT = "{\"agentVersion\":\"20.0.1-3445\",\"agentTime\":\"%s\","
            + "\"uptimeMillis\":8123,\"driverStatus\":\"Online\",\"configFingerprint\":\"%s\","
            + "\"counters\":{\"eventsDropped\":0}}";

    private final Platform platform;
    private final KeyPair keys;
    private HttpClient client;
    private String gateway;
    private long computerID;
    private String fingerprint;

    HandAgent(Platform platform) throws Exception {
        this.platform = platform;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        this.keys = generator.generateKeyPair();
        this.client = client(null);
        this.gateway = platform.gatewayUrl();
    }

    /** From now on talks to the agent port at {@code url} (another gateway replica) instead of the platform's. */
    HandAgent via(String url) {
        gateway = url;
        return this;
    }

    /** Activates with a token (an answer of {@link Console#createToken}) and switches to its new certificate. */
    HandAgent activate(String token, String hostName) throws Exception {
        var csr = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + hostName), keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate()));
        String body = EventJson.toJson(Map.of("token", token, "hostName", hostName, "platform", "Linux",
                "agentVersion", "20.0.1-3445", "agentRelease", "20", "listeningPort", 4118,
                "csr", Pem.encode("CERTIFICATE REQUEST", csr.getEncoded())));
        HttpResponse<String> answer = post("/agent/v1/activation", body);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("activation failed: " + answer.statusCode() + " " + answer.body());
        }
        JsonNode activated = EventJson.mapper().readTree(answer.body());
        computerID = activated.get("computerID").asLong();
        fingerprint = activated.get("configFingerprint").asText();
        client = client(Pem.certificates(activated.get("certificate").asText()));
        return this;
    }

    long computerID() {
        return computerID;
    }

    /** The configuration fingerprint it reported since activation (it never applies another configuration). */
    String fingerprint() {
        return fingerprint;
    }

    /** From now on reports {@code fingerprint} as the configuration it runs (e.g. one the platform never gave). */
    HandAgent reporting(String fingerprint) {
        this.fingerprint = fingerprint;
        return this;
    }

    HttpResponse<String> heartbeat() throws IOException, InterruptedException {
        return post("/agent/v1/heartbeat", HEARTBEAT.formatted(java.time.Instant.now(), fingerprint));
    }

    private HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Trusts the platform CA; presents {@code chain} (with the agent's key) when given. */
    private HttpClient client(List<X509Certificate> chain) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore own = KeyStore.getInstance("PKCS12");
        own.load(null, null);
        if (chain != null) {
            own.setKeyEntry("agent", keys.getPrivate(), "x".toCharArray(), chain.toArray(Certificate[]::new));
        }
        kmf.init(own, "x".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), platformCa(platform).getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A TLS context that trusts the platform CA and presents no certificate (what a stranger has). */
    static SSLContext stranger(Platform platform) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, platformCa(platform).getTrustManagers(), null);
        return context;
    }

    private static TrustManagerFactory platformCa(Platform platform) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", Pem.certificates(Files.readString(platform.caCertificate())).getFirst());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return tmf;
    }
}
