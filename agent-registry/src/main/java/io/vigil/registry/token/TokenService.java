package io.vigil.registry.token;

import io.vigil.console.ProblemException;
import io.vigil.registry.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.util.List;

/** Creating and deleting activation tokens, each with its audit event in the same transaction. */
@ApplicationScoped
public class TokenService {

    /** A created token: the only time its secret is seen. */
    public record Created(ActivationToken token, String secret) {
    }

    private final TokenRepository tokens;
    private final AuditLog audit;

    public TokenService(TokenRepository tokens, AuditLog audit) {
        this.tokens = tokens;
        this.audit = audit;
    }

    @Transactional(rollbackOn = Exception.class)
    public Created create(TokenRequest request, String actor) throws SQLException {
        String secret = TokenSecrets.generate();
        ActivationToken token = tokens.insert(TokenSecrets.hash(secret), request, System.currentTimeMillis());
        audit.record(key(token.id()), actor, "activation-token.created", "activation-token",
                Long.toString(token.id()), null, TokenView.of(token));
        return new Created(token, secret);
    }

    @Transactional(rollbackOn = Exception.class)
    public void delete(long id, String actor) throws SQLException {
        ActivationToken token = tokens.delete(id)
                .orElseThrow(() -> ProblemException.notFound("activation token", id));
        audit.record(key(id), actor, "activation-token.deleted", "activation-token", Long.toString(id),
                TokenView.of(token), null);
    }

    public List<ActivationToken> list(long after, int limit) throws SQLException {
        return tokens.list(after, limit);
    }

    private static String key(long id) {
        return "activation-token:" + id;
    }
}
