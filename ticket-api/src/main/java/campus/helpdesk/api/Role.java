package campus.helpdesk.api;

/**
 * Who is calling. ANALYST reads tickets (every status, never internal notes) to follow the dashboard's numbers to
 * the tickets behind them, and writes nothing: {@link Audience} says what each role sees, ticket-service's
 * {@code @Secured} and {@code Identity} what each may do.
 */
public enum Role {
    STUDENT, STAFF, ANALYST
}
