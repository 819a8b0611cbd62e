package campus.helpdesk.api;

/**
 * Where a ticket stands against one response target: PENDING (time left), AT_RISK (less than a fifth of the target
 * left), MET (done by the due time) or BREACHED (done late, or not done and past due).
 */
public enum SlaStatus {
    PENDING, AT_RISK, MET, BREACHED
}
