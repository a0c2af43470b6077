package io.vigil.gateway.contact;

import io.vigil.gateway.contact.networks.AgentNetworks;
import io.vigil.gateway.heartbeat.BodySize;
import io.vigil.tls.CertificateNames;
import io.vigil.tls.Suites;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;

/**
 * Calls an agent's port: TLS 1.3/1.2 with the manager's client certificate, trusting only the platform CA, and
 * sending the request only after the handshake proved that the agent's certificate names the computer meant (and
 * passes the extra check, e.g. revocation); otherwise nothing is sent and the call fails with
 * {@link FailureReason#CERTIFICATE_PROBLEM}. The whole call (connect, handshake, answer) ends within the timeout.
 * One connection per call; the JDK's client session cache lets later calls to the same agent resume the session.
 * Only addresses inside the agent networks are called ({@link AgentNetworks}); any other call fails with
 * {@link FailureReason#ADDRESS_NOT_ALLOWED} before a connection is made.
 */
public final class AgentClient {

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** An agent's answer may be as large as a heartbeat it pushes (the agent port's body limit), no larger. */
    static final int MAX_ANSWER = (int) BodySize.LIMIT;

    /** Where an agent listens. */
    public record Target(long computerID, String address, int port) {
    }

    /** The agent's answer and the TLS negotiated (IANA suite name). */
    public record Answer(Http11.Response response, String tlsProtocol, String tlsCipherSuite) {
    }

    /** An extra check of the agent's certificate: a problem description, or null when it is acceptable. */
    @FunctionalInterface
    public interface PeerCheck {
        String problem(long computerID, X509Certificate certificate);
    }

    private final SSLSocketFactory factory;
    private final AgentNetworks networks;
    private final PeerCheck check;
    private final ScheduledExecutorService watchdog;

    public AgentClient(X509KeyManager keyManager, X509TrustManager trustManager, AgentNetworks networks,
                       PeerCheck check, ScheduledExecutorService watchdog) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(new KeyManager[]{keyManager}, new TrustManager[]{trustManager}, null);
            this.factory = context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS client context", e);
        }
        this.networks = networks;
        this.check = check;
        this.watchdog = watchdog;
    }

    /** POSTs the JSON body to the agent's path and returns its answer, whatever the status. */
    public Answer post(Target target, String path, byte[] body, long timeoutMillis) throws ContactException {
        InetAddress address = allowedAddress(target);
        AtomicBoolean expired = new AtomicBoolean();
        Socket raw = new Socket();
        ScheduledFuture<?> deadline = watchdog.schedule(() -> {
            expired.set(true);
            closeQuietly(raw);
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        try {
            raw.connect(new InetSocketAddress(address, target.port()), (int) timeoutMillis);
            raw.setSoTimeout((int) timeoutMillis);
            try (SSLSocket tls = (SSLSocket) factory.createSocket(raw, target.address(), target.port(), true)) {
                tls.setEnabledProtocols(PROTOCOLS);
                tls.startHandshake();
                SSLSession session = tls.getSession();
                verifyPeer(target.computerID(), session);
                PushbackInputStream in = sendAndAwaitAnswer(tls, Http11.request(path, target.address(),
                        target.port(), body), expired);
                Http11.Response response = Http11.read(in, MAX_ANSWER);
                return new Answer(response, session.getProtocol(), Suites.ianaName(session.getCipherSuite()));
            }
        } catch (IOException e) {
            if (expired.get()) {
                throw new ContactException(FailureReason.TIMEOUT, "no answer within " + timeoutMillis + " ms", e);
            }
            throw new ContactException(FailureReason.classify(e), describe(e), e);
        } finally {
            deadline.cancel(false);
            closeQuietly(raw);
        }
    }

    /**
     * The address to connect to, resolved once (so the address checked is the address called), when it lies in the
     * agent networks; otherwise {@link FailureReason#ADDRESS_NOT_ALLOWED} and no connection is made.
     */
    private InetAddress allowedAddress(Target target) throws ContactException {
        InetAddress address;
        try {
            address = InetAddress.getByName(target.address());
        } catch (UnknownHostException e) {
            throw new ContactException(FailureReason.REFUSED, "unknown agent address " + target.address(), e);
        }
        Optional<String> refusal = networks.refusal(address);
        if (refusal.isPresent()) {
            throw new ContactException(FailureReason.ADDRESS_NOT_ALLOWED, "not called: " + refusal.get()
                    + " (vigil.gateway.agents.networks)");
        }
        return address;
    }

    /**
     * Writes the request and waits for the first byte of the answer. Under TLS 1.3 the agent judges the manager's
     * certificate only after the client finished its handshake, so an agent refusing it shows up here, as an alert or
     * as a connection closed or reset before any answer: both are TLS failures, not agent errors.
     */
    private static PushbackInputStream sendAndAwaitAnswer(SSLSocket tls, byte[] request, AtomicBoolean expired)
            throws IOException, ContactException {
        PushbackInputStream in = new PushbackInputStream(tls.getInputStream(), 1);
        int first;
        try {
            OutputStream out = tls.getOutputStream();
            out.write(request);
            out.flush();
            first = in.read();
        } catch (IOException e) {
            if (expired.get() || FailureReason.classify(e) != FailureReason.ERROR) {
                throw e;
            }
            throw new ContactException(FailureReason.TLS_FAILURE, "the agent closed the TLS connection before "
                    + "answering (did it refuse the manager certificate?): " + describe(e), e);
        }
        if (first < 0) {
            throw new ContactException(FailureReason.TLS_FAILURE, "the agent closed the TLS connection before "
                    + "answering (did it refuse the manager certificate?)");
        }
        in.unread(first);
        return in;
    }

    private void verifyPeer(long computerID, SSLSession session) throws ContactException, IOException {
        Certificate[] chain = session.getPeerCertificates();
        if (chain.length == 0 || !(chain[0] instanceof X509Certificate certificate)) {
            throw new ContactException(FailureReason.CERTIFICATE_PROBLEM, "the agent presented no certificate");
        }
        OptionalLong named = CertificateNames.computerOf(certificate);
        if (named.isEmpty() || named.getAsLong() != computerID) {
            throw new ContactException(FailureReason.CERTIFICATE_PROBLEM, "the agent's certificate names "
                    + (named.isEmpty() ? "no computer" : "computer " + named.getAsLong()) + ", not computer "
                    + computerID + "; nothing was sent");
        }
        String problem = check.problem(computerID, certificate);
        if (problem != null) {
            throw new ContactException(FailureReason.CERTIFICATE_PROBLEM, problem + "; nothing was sent");
        }
    }

    private static String describe(IOException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? message : (e.getMessage() == null ? "" : e.getMessage() + ": ") + message;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing after a failure
        }
    }
}
