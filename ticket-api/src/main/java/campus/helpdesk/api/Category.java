package campus.helpdesk.api;

/** The three queues of the desk. */
public enum Category {
    FACILITY, IT, SERVICES
}
