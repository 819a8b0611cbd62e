package campus.helpdesk.gateway.session;

import campus.helpdesk.api.Role;

import java.util.Optional;

/**
 * The roles a person picks at sign-in. ANALYST exists only here: analysts read the dashboard and the analytics
 * endpoints and have no ticket access, so they map to no ticket-service role.
 */
public enum GatewayRole {
    STUDENT, STAFF, ANALYST;

    public Optional<Role> ticketRole() {
        return switch (this) {
            case STUDENT -> Optional.of(Role.STUDENT);
            case STAFF -> Optional.of(Role.STAFF);
            case ANALYST -> Optional.empty();
        };
    }

    /** Roles that need the staff access code when a deployment sets one. */
    public boolean privileged() {
        return this != STUDENT;
    }

    public boolean seesAnalytics() {
        return this != STUDENT;
    }
}
