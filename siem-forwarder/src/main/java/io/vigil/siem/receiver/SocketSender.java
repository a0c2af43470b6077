package io.vigil.siem.receiver;

import javax.net.SocketFactory;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Delivers each batch over its own connection and knows that the receiver took it through the close handshake:
 * write every frame, flush, half-close our side (TCP FIN; over TLS a close_notify first), then wait until the
 * receiver closes its side. A syslog server closes a session only after it has read the stream to its end, so the
 * receiver's close means it read every byte of the batch; a reset, a timeout or a refused connection means the batch
 * was not delivered and is sent again (the receiver may then see some messages twice: at least once).
 */
public final class SocketSender implements SyslogSender {

    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "siem-socket-watchdog");
        t.setDaemon(true);
        return t;
    });

    private final ReceiverSpec receiver;
    private final SocketFactory sockets;
    private final Duration connectTimeout;
    private final Duration deliveryTimeout;
    private final boolean verifyHostName;

    /**
     * @param sockets         a plain factory for {@code tcp://}, an {@code SSLSocketFactory} for {@code tls://}
     * @param deliveryTimeout the longest one batch may take from connect to the receiver's close
     */
    public SocketSender(ReceiverSpec receiver, SocketFactory sockets, Duration connectTimeout,
                        Duration deliveryTimeout, boolean verifyHostName) {
        this.receiver = receiver;
        this.sockets = sockets;
        this.connectTimeout = connectTimeout;
        this.deliveryTimeout = deliveryTimeout;
        this.verifyHostName = verifyHostName;
    }

    @Override
    public void deliver(List<byte[]> frames) throws IOException {
        try (Socket socket = sockets.createSocket()) {
            // a receiver that stops reading blocks our writes forever: the watchdog closes the socket at the deadline
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> closeQuietly(socket),
                    deliveryTimeout.toMillis(), TimeUnit.MILLISECONDS);
            try {
                socket.connect(new InetSocketAddress(receiver.host(), receiver.port()),
                        (int) connectTimeout.toMillis());
                socket.setSoTimeout((int) deliveryTimeout.toMillis());
                socket.setTcpNoDelay(true);
                if (socket instanceof SSLSocket ssl) {
                    handshake(ssl);
                }
                OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
                for (byte[] frame : frames) {
                    out.write(frame);
                }
                out.flush();
                socket.shutdownOutput();
                awaitReceiverClose(socket.getInputStream());
            } finally {
                watchdog.cancel(false);
            }
        }
    }

    private void handshake(SSLSocket ssl) throws IOException {
        if (verifyHostName) {
            SSLParameters parameters = ssl.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(parameters);
        }
        ssl.startHandshake();
    }

    /** Reads (and ignores) whatever the receiver says until it closes; EOF is the acknowledgement. */
    private static void awaitReceiverClose(InputStream in) throws IOException {
        byte[] buffer = new byte[1024];
        while (in.read(buffer) >= 0) {
            // a syslog receiver sends nothing; anything it does send is not ours to interpret
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing to unblock a stuck write; the writer reports the failure
        }
    }
}
