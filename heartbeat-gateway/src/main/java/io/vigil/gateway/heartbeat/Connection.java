package io.vigil.gateway.heartbeat;

/** How a heartbeat arrived: the peer address and the TLS protocol and suite negotiated (IANA name). */
public record Connection(String remoteAddress, String tlsProtocol, String tlsCipherSuite, boolean viaPoll) {
}
