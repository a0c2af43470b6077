package io.vigil.gateway.activation;

/**
 * Which refused activations count against the source address (towards the 429 lockout): only the agent's own
 * mistakes, i.e. a malformed request (400), a bad, expired or used-up token (401) and a conflict (409). The
 * platform's own trouble never does: a full queue or an unavailable registry (503), and anything that left no answer
 * (a timeout or a failed handshake never reaches this point).
 */
public final class AddressFailures {

    private AddressFailures() {
    }

    public static boolean counts(int status) {
        return status == 400 || status == 401 || status == 409;
    }
}
