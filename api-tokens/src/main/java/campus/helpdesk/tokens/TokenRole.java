package campus.helpdesk.tokens;

/** What a token may do at the gateway: the same as a person signed in with that role. */
public enum TokenRole {
    ANALYST, STAFF
}
