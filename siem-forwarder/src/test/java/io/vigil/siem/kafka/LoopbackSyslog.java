package io.vigil.siem.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A minimal syslog receiver on a loopback port: takes each connection's whole stream (the forwarder's batch), then
 * closes its side, which is the forwarder's acknowledgement. Keeps every received stream as text.
 */
final class LoopbackSyslog implements AutoCloseable {

    private final ServerSocket server;
    private final List<String> received = new ArrayList<>();

    LoopbackSyslog(int port) throws IOException {
        server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("loopback-syslog").start(this::serve);
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket connection = server.accept(); InputStream in = connection.getInputStream()) {
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                synchronized (received) {
                    received.add(all.toString(StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                // closed, or a connection that broke off: the forwarder sends that batch again
            }
        }
    }

    /** Everything received so far, one string per delivered batch. */
    String all() {
        synchronized (received) {
            return String.join("", received);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
