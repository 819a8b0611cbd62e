package campus.helpdesk.system.trust;

import java.util.Set;

/**
 * The rows of the matrix: each route people may call at the gateway, who may call it, and what a permitted call
 * answers. {@code tokens} says whether API tokens may use it; {@code routed} is false for internal paths that the
 * gateway must not expose at all; {@code verdicts} are further answers a permitted call may get from the state of
 * the data rather than from who calls (a retrain judged and refused).
 */
record GatewayRoute(String method, String path, Set<String> roles, boolean tokens, int success, boolean routed,
                    Set<Integer> verdicts, boolean anyone) {

    GatewayRoute(String method, String path, Set<String> roles, boolean tokens, int success, boolean routed,
                 Set<Integer> verdicts) {
        this(method, path, roles, tokens, success, routed, verdicts, false);
    }

    static final Set<String> PEOPLE = Set.of("STUDENT", "STAFF");
    /** Who may read tickets: people, and analysts following the dashboard's numbers (reading only). */
    static final Set<String> READERS = Set.of("STUDENT", "STAFF", "ANALYST");
    static final Set<String> DASHBOARD = Set.of("STAFF", "ANALYST");
    static final Set<String> EVERYONE = Set.of("STUDENT", "STAFF", "ANALYST");

    static GatewayRoute of(String method, String path, Set<String> roles, int success) {
        return new GatewayRoute(method, path, roles, true, success, true, Set.of());
    }

    /** A permitted call answers {@code success} or one of {@code verdicts}, as the data stands. */
    static GatewayRoute judged(String method, String path, Set<String> roles, int success, Set<Integer> verdicts) {
        return new GatewayRoute(method, path, roles, true, success, true, verdicts);
    }

    static GatewayRoute sessionOnly(String method, String path, Set<String> roles, int success) {
        return new GatewayRoute(method, path, roles, false, success, true, Set.of());
    }

    /**
     * A route open to anyone (the webhook intake): who calls changes nothing, the service judges the request itself
     * (its signature), so every caller gets {@code success}; only a foreign page is still refused at the gateway.
     */
    static GatewayRoute forAnyone(String method, String path, int success) {
        return new GatewayRoute(method, path, Set.of(), true, success, true, Set.of(), true);
    }

    static GatewayRoute notExposed(String method, String path) {
        return new GatewayRoute(method, path, Set.of(), false, 404, false, Set.of());
    }

    /** What this caller must get: the rule of the gateway, stated once for the whole matrix. */
    int expectedFor(Caller caller) {
        if (caller == Caller.FOREIGN_ORIGIN) {
            return 403;
        }
        if (!routed) {
            return 404;
        }
        if (anyone) {
            return success;
        }
        if (caller.role == null) {
            return 401;
        }
        if (caller.token && !tokens) {
            return 403;
        }
        return roles.contains(caller.role) ? success : 403;
    }

    /** Whether {@code status} is what this caller must get. */
    boolean answers(Caller caller, int status) {
        int expected = expectedFor(caller);
        return status == expected || (expected == success && verdicts.contains(status));
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
