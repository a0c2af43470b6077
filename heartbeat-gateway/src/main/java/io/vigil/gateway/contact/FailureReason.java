package io.vigil.gateway.contact;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;

/** Why a call to an agent failed, as {@code ContactFailed.reason} names it. */
public enum FailureReason {
    REFUSED("refused"),
    TLS_FAILURE("tls-failure"),
    TIMEOUT("timeout"),
    CERTIFICATE_PROBLEM("certificate-problem"),
    /** The agent's address is outside the configured agent networks (or a special range): nothing was sent. */
    ADDRESS_NOT_ALLOWED("address-not-allowed"),
    ERROR("error");

    private final String wireName;

    FailureReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /**
     * Classifies a failure by its cause chain: a refused or unreachable connection; a timeout (connect, handshake or
     * answer); a certificate the manager cannot accept (not from the platform CA, expired, or naming another
     * computer); any other TLS failure (protocol or suite mismatch, alert); anything else is an error.
     */
    public static FailureReason classify(Throwable failure) {
        boolean tls = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            switch (cause) {
                case ContactException contact -> {
                    return contact.reason();
                }
                case CertificateException ignored -> {
                    return CERTIFICATE_PROBLEM;
                }
                case ConnectException ignored -> {
                    return REFUSED;
                }
                case NoRouteToHostException ignored -> {
                    return REFUSED;
                }
                case PortUnreachableException ignored -> {
                    return REFUSED;
                }
                case HttpTimeoutException ignored -> {
                    return TIMEOUT;
                }
                case InterruptedIOException ignored -> { // SocketTimeoutException included
                    return TIMEOUT;
                }
                case SSLException ignored -> tls = true;
                default -> {
                }
            }
        }
        return tls ? TLS_FAILURE : ERROR;
    }
}
