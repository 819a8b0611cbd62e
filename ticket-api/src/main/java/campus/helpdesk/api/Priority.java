package campus.helpdesk.api;

public enum Priority {
    LOW, MEDIUM, HIGH
}
