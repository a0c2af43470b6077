package io.vigil.agent.tls;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import java.net.Socket;
import java.security.KeyPair;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Predicate;

/**
 * The agent's certificate for both roles: as client on the gateway, as server on its listening port. The server side
 * consults a gate on the peer's address first: for a source that is not allowed it offers no certificate, so the
 * handshake is refused before anything of the agent is shown.
 */
public final class AgentKeyManager extends X509ExtendedKeyManager {

    private static final String ALIAS = "agent";

    private record Identity(KeyPair keyPair, X509Certificate[] chain) {
    }

    private volatile Identity identity;
    private final Predicate<String> serverSourceGate;

    /**
     * @param serverSourceGate whether a peer host (an IP literal) may complete a handshake on the listening port
     */
    public AgentKeyManager(KeyPair keyPair, List<X509Certificate> chain, Predicate<String> serverSourceGate) {
        this.serverSourceGate = serverSourceGate;
        use(keyPair, chain);
    }

    /** Switches to a new key and certificate (after a renewal); new handshakes use them. */
    public void use(KeyPair keyPair, List<X509Certificate> chain) {
        identity = new Identity(keyPair, chain.toArray(X509Certificate[]::new));
    }

    public X509Certificate certificate() {
        return identity.chain()[0];
    }

    private boolean matches(String keyType) {
        return identity.keyPair().getPrivate().getAlgorithm().equals(keyType);
    }

    private String clientAlias(String[] keyTypes) {
        if (keyTypes != null) {
            for (String keyType : keyTypes) {
                if (matches(keyType)) {
                    return ALIAS;
                }
            }
        }
        return null;
    }

    @Override
    public String chooseEngineClientAlias(String[] keyTypes, Principal[] issuers, SSLEngine engine) {
        return clientAlias(keyTypes);
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return clientAlias(keyTypes);
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        String peer = engine == null ? null : engine.getPeerHost();
        if (peer == null || !serverSourceGate.test(peer)) {
            return null;
        }
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return matches(keyType) ? new String[]{ALIAS} : new String[0];
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return matches(keyType) ? new String[]{ALIAS} : new String[0];
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? identity.chain().clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? identity.keyPair().getPrivate() : null;
    }
}
