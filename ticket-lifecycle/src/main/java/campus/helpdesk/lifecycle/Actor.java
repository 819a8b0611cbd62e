package campus.helpdesk.lifecycle;

import campus.helpdesk.api.Role;

/** Who makes a change: the name the history shows and the role it was made in. */
public record Actor(String name, Role role) {

    public boolean isStaff() {
        return role == Role.STAFF;
    }
}
