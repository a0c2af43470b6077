package io.vigil.webconsole.web;

import io.vigil.console.ApiKeyFilter;
import io.vigil.console.Problem;
import io.vigil.console.ProblemException;
import jakarta.ws.rs.core.UriInfo;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * API keys are never taken from a URL (URLs end up in access logs, browser history and Referer headers): a query
 * parameter that looks like one ({@code api-secret-key}, {@code apiKey}, {@code key}, {@code secret}, ...) is refused
 * with 400 and the parameter named, whatever its value, before anything else happens.
 */
public final class QueryKeys {

    private QueryKeys() {
    }

    /** Whether a query parameter name looks like it carries a credential. */
    public static boolean looksLikeKey(String name) {
        String plain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return plain.contains("key") || plain.contains("secret") || plain.contains("token")
                || plain.contains("password") || plain.equals("auth") || plain.contains("authorization");
    }

    /** @throws ProblemException 400 naming every query parameter that looks like a credential */
    public static void refuse(UriInfo uri) {
        refuse(uri.getQueryParameters().keySet());
    }

    static void refuse(Set<String> names) {
        List<Problem.InvalidParam> keys = names.stream().filter(QueryKeys::looksLikeKey).sorted()
                .map(n -> new Problem.InvalidParam(n, "an API key is never accepted in a URL: send the "
                        + ApiKeyFilter.HEADER + " header", null, null)).toList();
        if (!keys.isEmpty()) {
            throw new ProblemException(Problem.invalid("API keys are accepted only in the " + ApiKeyFilter.HEADER
                    + " header, never in the query string", keys));
        }
    }
}
