package campus.helpdesk.gateway.session;

/**
 * The roles a person picks at sign-in. They travel to the services by name, as the role of the service token the
 * gateway mints per request; which routes each may use is the gateway's route table (application.yml), and each
 * service checks it again with {@code @Secured}.
 */
public enum GatewayRole {
    STUDENT, STAFF, ANALYST;

    /** Roles that need the staff access code when a deployment sets one. */
    public boolean privileged() {
        return this != STUDENT;
    }

    /** The people who run the desk (staff, analysts): they see how its processes are and where they listen. */
    public boolean runsTheDesk() {
        return this == STAFF || this == ANALYST;
    }
}
