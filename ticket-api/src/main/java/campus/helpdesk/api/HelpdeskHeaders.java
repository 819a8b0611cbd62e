package campus.helpdesk.api;

/**
 * Identity travels as two headers that only the gateway sets (it drops any copy a browser sends).
 * ticket-service is never published outside, so it trusts them.
 */
public final class HelpdeskHeaders {
    public static final String ROLE = "X-Helpdesk-Role";
    public static final String USER = "X-Helpdesk-User";
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private HelpdeskHeaders() {
    }
}
