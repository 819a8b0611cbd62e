package campus.helpdesk.api;

/**
 * The headers of the contract. Who calls is not one of them: it travels in the signed service token of the
 * {@code Authorization} header (SECURITY.md), never in a header a client could set.
 */
public final class HelpdeskHeaders {
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private HelpdeskHeaders() {
    }
}
