package campus.helpdesk.api;

/**
 * What happened to a ticket; one event per committed change, in the history and in the change feed. LINKED and
 * UNLINKED are recorded on the linked ticket (its {@code incidentId} changed); FOLLOWED on the ticket someone joined.
 */
public enum EventType {
    CREATED, EDITED, CATEGORY_CORRECTED, STATUS_CHANGED, HANDED_OVER, MESSAGE_ADDED, DELETED, LINKED, UNLINKED,
    FOLLOWED
}
