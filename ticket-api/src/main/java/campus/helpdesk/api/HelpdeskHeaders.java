package campus.helpdesk.api;

/**
 * The headers of the contract. Who calls is not one of them: it travels in the signed service token of the
 * {@code Authorization} header (SECURITY.md), never in a header a client could set.
 */
public final class HelpdeskHeaders {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Set on a 200 answer to a retried POST: the result is the one the first request with that key created. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private HelpdeskHeaders() {
    }
}
