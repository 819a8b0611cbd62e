package campus.helpdesk.api;

/** Who is calling. ANALYST exists only at the gateway; ticket-service knows STUDENT and STAFF. */
public enum Role {
    STUDENT, STAFF
}
