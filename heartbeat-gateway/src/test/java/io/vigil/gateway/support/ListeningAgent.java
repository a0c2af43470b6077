package io.vigil.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.vigil.events.EventJson;
import io.vigil.gateway.ca.CertificateAuthority;
import io.vigil.tls.CertificateNames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;

/**
 * A small agent port for tests: HTTPS with an agent certificate the test's CA issued (naming the computer given),
 * requiring a client certificate from that CA, answering {@code heartbeat-request} with a heartbeat body and applying
 * (or refusing) pushed configurations. Records who called and what arrived.
 */
public final class ListeningAgent implements AutoCloseable {

    public final List<JsonNode> configurations = new CopyOnWriteArrayList<>();
    public final List<List<String>> callers = new CopyOnWriteArrayList<>();
    public final AtomicInteger heartbeatRequests = new AtomicInteger();
    public volatile String fingerprint;
    public volatile String refusal;
    /** Log entries in each answer to a poll. */
    public volatile int eventsPerAnswer = 1;
    /** Characters of an unknown member {@code padding} in each answer to a poll (0: none). */
    public volatile int paddingChars;
    /** The serial (hex) of the certificate this agent serves. */
    public final String serialHex;
    private final HttpsServer server;

    private ListeningAgent(HttpsServer server, String fingerprint, String serialHex) {
        this.server = server;
        this.fingerprint = fingerprint;
        this.serialHex = serialHex;
    }

    /** Listens on a free loopback port with a certificate naming {@code certifiedComputerID}. */
    public static ListeningAgent start(CertificateAuthority ca, long certifiedComputerID, String fingerprint) {
        return start(ca, ca.certificate(), certifiedComputerID, fingerprint);
    }

    /** As above, trusting client certificates of {@code trusted} only (another CA: the manager is refused). */
    public static ListeningAgent start(CertificateAuthority ca, X509Certificate trusted, long certifiedComputerID,
                                       String fingerprint) {
        try {
            KeyPair keys = CertificateAuthority.rsaKeyPair(2048);
            X509Certificate leaf = ca.issue(keys.getPublic(), "computer-" + certifiedComputerID,
                    CertificateNames.computer(certifiedComputerID), List.of(), CertificateAuthority.newSerial(),
                    Instant.now().plus(30, ChronoUnit.DAYS));
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("agent", keys.getPrivate(), "x".toCharArray(),
                    new Certificate[]{leaf, ca.certificate()});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, "x".toCharArray());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("ca", trusted);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            HttpsServer server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.setHttpsConfigurator(new HttpsConfigurator(context) {
                @Override
                public void configure(HttpsParameters params) {
                    SSLParameters parameters = context.getDefaultSSLParameters();
                    parameters.setNeedClientAuth(true);
                    params.setSSLParameters(parameters);
                }
            });
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            ListeningAgent agent = new ListeningAgent(server, fingerprint,
                    CertificateAuthority.serialHex(leaf.getSerialNumber()));
            server.createContext("/agent/v1/heartbeat-request", agent::heartbeatRequest);
            server.createContext("/agent/v1/configuration", agent::configuration);
            server.start();
            return agent;
        } catch (Exception e) {
            throw new IllegalStateException("could not start the test agent", e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void heartbeatRequest(HttpExchange exchange) throws IOException {
        caller(exchange);
        exchange.getRequestBody().readAllBytes();
        int n = heartbeatRequests.incrementAndGet();
        String now = Instant.now().toString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agentVersion", "20.0.1-3445");
        body.put("agentTime", now);
        body.put("uptimeMillis", 1000L * n);
        body.put("driverStatus", "Online");
        body.put("configFingerprint", fingerprint);
        body.put("counters", Map.of("eventsDropped", 0));
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < eventsPerAnswer; i++) {
            events.add(Map.of("eventID", 7, "time", now, "description", "answered poll " + n));
        }
        body.put("events", events);
        body.put("listeningPort", port());
        if (paddingChars > 0) {
            body.put("padding", "x".repeat(paddingChars));
        }
        answer(exchange, 200, EventJson.toBytes(body));
    }

    private void configuration(HttpExchange exchange) throws IOException {
        caller(exchange);
        JsonNode body = EventJson.mapper().readTree(exchange.getRequestBody());
        configurations.add(body);
        String refused = refusal;
        if (refused == null) {
            fingerprint = body.path("configFingerprint").asText();
            answer(exchange, 200, EventJson.toBytes(Map.of("status", "applied")));
        } else {
            answer(exchange, 200, EventJson.toBytes(Map.of("status", "failed", "reason", refused)));
        }
    }

    private void caller(HttpExchange exchange) {
        try {
            X509Certificate peer = (X509Certificate) ((HttpsExchange) exchange).getSSLSession()
                    .getPeerCertificates()[0];
            callers.add(CertificateNames.uris(peer));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
