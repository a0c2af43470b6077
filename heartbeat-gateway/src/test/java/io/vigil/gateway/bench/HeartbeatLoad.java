package io.vigil.gateway.bench;

import io.vigil.events.config.ConfigFingerprint;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Agents sending heartbeats back to back, each over its own kept-alive HTTPS connection with its own agent
 * certificate (issued directly by the platform CA, as activation would).
 */
final class HeartbeatLoad {

    private static final String BODY = "{\"agentVersion\":\"20.0.1-3445\",\"agentTime\":\"2026-11-25T10:00:00.123Z\","
            + "\"uptimeMillis\":8123,\"driverStatus\":\"Online\",\"configFingerprint\":\"" + ConfigFingerprint.PREFIX
            + ConfigFingerprint.BASE_POLICY_DEFAULT_HEX + "\",\"counters\":{\"eventsDropped\":0}}";

    final AtomicLong ok = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();

    HeartbeatLoad(CertificateAuthority ca, int port, int connections) throws Exception {
        URI uri = URI.create("https://localhost:" + port + "/agent/v1/heartbeat");
        for (int i = 0; i < connections; i++) {
            HttpClient client = client(ca, 950_000 + i);
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(BODY)).build();
            threads.add(Thread.ofPlatform().daemon().name("agent-" + i).unstarted(() -> run(client, request)));
        }
    }

    void start() {
        threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(30_000);
        }
    }

    private void run(HttpClient client, HttpRequest request) {
        while (running.get()) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                (status == 200 ? ok : failed).incrementAndGet();
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
    }

    private static HttpClient client(CertificateAuthority ca, long computerID) throws Exception {
        KeyPair keys = CertificateAuthority.rsaKeyPair(2048);
        X509Certificate leaf = ca.issue(keys.getPublic(), "computer-" + computerID, CertificateNames.computer(computerID),
                List.of(), CertificateAuthority.newSerial(), Instant.now().plus(1, ChronoUnit.DAYS));
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        keyStore.load(null, null);
        keyStore.setKeyEntry("agent", keys.getPrivate(), "x".toCharArray(), new Certificate[]{leaf, ca.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keyStore, "x".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca.certificate());
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }
}
