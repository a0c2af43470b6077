package io.vigil.policy.api;

import io.vigil.console.ApiKeyFilter;
import io.vigil.console.ApiKeys;
import io.vigil.console.ProblemException;
import io.vigil.policy.setting.SettingName;
import jakarta.ws.rs.container.ContainerRequestContext;

/** Parsing of path and query parameters into precise problems (never a 500, never a bare 404 page). */
public final class RequestParams {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private RequestParams() {
    }

    /** A resource ID from the path; anything that is not a positive integer names no resource: 404. */
    public static long id(String text, String what) {
        try {
            long id = Long.parseLong(text);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // not an ID
        }
        throw ProblemException.notFound(what, text);
    }

    public static SettingName setting(String name) {
        return SettingName.byApiName(name).orElseThrow(() -> ProblemException.notFound("setting", name));
    }

    public static int limit(String text) {
        if (text == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("limit", "must be an integer from 1 to " + MAX_LIMIT, text, "1 to " + MAX_LIMIT);
    }

    public static long after(String text) {
        if (text == null) {
            return 0;
        }
        try {
            long after = Long.parseLong(text);
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.invalid("after", "must be the last ID seen", text, "a non-negative integer");
    }

    public static boolean flag(String name, String text) {
        if (text == null || text.equalsIgnoreCase("false")) {
            return false;
        }
        if (text.isEmpty() || text.equalsIgnoreCase("true")) {
            return true;
        }
        throw ProblemException.invalid(name, "must be true or false", text, "true, false");
    }

    public static String actor(ContainerRequestContext request) {
        Object caller = request.getProperty(ApiKeyFilter.CALLER);
        return caller instanceof ApiKeys.Caller c ? c.actor() : "unknown";
    }
}
