package io.vigil.agent.net;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.TrustOptions;
import io.vigil.agent.tls.AgentKeyManager;
import io.vigil.agent.tls.ManagerTrust;
import io.vigil.agent.tls.TlsProfile;

import javax.net.ssl.SSLSession;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;

/**
 * The agent's HTTPS connection to the gateway: the pinned manager trust, the release's protocols and suites, the
 * agent certificate when it has one (never at activation), and one kept-alive connection (so an operation's
 * confirming heartbeat goes over the same connection, and the JDK's session cache lets reconnections resume).
 */
public final class ManagerClient {

    /**
     * How long the manager may hold a new connection unread while the places of its source address are taken
     * (docs/agent-protocol.md, "Every request to port 4120"): the handshake is given that much more than a request.
     */
    public static final Duration CONNECTION_WAIT = Duration.ofSeconds(30);

    private final HttpClient client;
    private final String base;
    private final Duration timeout;

    private ManagerClient(HttpClient client, String base, Duration timeout) {
        this.client = client;
        this.base = base;
        this.timeout = timeout;
    }

    /**
     * @param keyManager the agent certificate, or null for activation (server authentication only)
     */
    public static ManagerClient create(Vertx vertx, URI gateway, ManagerTrust trust, TlsProfile profile,
                                       AgentKeyManager keyManager, Duration timeout) {
        HttpClientOptions options = new HttpClientOptions()
                .setSsl(true)
                .setVerifyHost(false)
                .setTrustOptions(TrustOptions.wrap(trust))
                .setKeepAlive(true)
                .setKeepAliveTimeout(0)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()))
                .setSslHandshakeTimeout(timeout.plus(CONNECTION_WAIT).toMillis())
                .setSslHandshakeTimeoutUnit(java.util.concurrent.TimeUnit.MILLISECONDS);
        if (keyManager != null) {
            options.setKeyCertOptions(KeyCertOptions.wrap(keyManager));
        }
        applyProfile(options, profile);
        HttpClient client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(1));
        String base = gateway.toString().replaceAll("/+$", "");
        return new ManagerClient(client, base, timeout);
    }

    static void applyProfile(io.vertx.core.net.TCPSSLOptions options, TlsProfile profile) {
        if (!profile.protocols().isEmpty()) {
            options.setEnabledSecureTransportProtocols(new LinkedHashSet<>(profile.protocols()));
        }
        profile.jsseSuites().forEach(options::addEnabledCipherSuite);
    }

    /** POSTs a JSON body; fails only when no HTTP answer arrived (connection, TLS, timeout). */
    public Future<Answer> post(String path, byte[] body) {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setAbsoluteURI(base + path)
                .setIdleTimeout(timeout.toMillis())
                .putHeader("content-type", "application/json").putHeader("accept", "application/json");
        return client.request(request)
                .compose(r -> r.send(Buffer.buffer(body)))
                .compose(response -> response.body().map(b -> answer(response, b)));
    }

    private static Answer answer(HttpClientResponse response, Buffer body) {
        SSLSession session = response.request().connection().sslSession();
        return new Answer(response.statusCode(), body.getBytes(), response.getHeader("Retry-After"),
                session == null ? null : session.getProtocol(), session == null ? null : session.getCipherSuite());
    }

    public Future<Void> close() {
        return client.close();
    }
}
